namespace Coordination.Hub.Features.Seals;

/// <summary>Coordination:Seal: the key the hub signs the log's head with, and how often it does.</summary>
public sealed class SealOptions
{
    public const string Section = "Coordination:Seal";

    /// <summary>
    /// The private key (PKCS#8 PEM, ECDSA P-256), relative to the data directory; made at the first start, readable
    /// by its owner only. A new file here is a rotation: a new key id, published beside the old ones.
    /// </summary>
    public string KeyPath { get; set; } = "seal-key.pem";

    /// <summary>How often the hub seals the log when it has moved since the last seal; zero seals only on demand.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
