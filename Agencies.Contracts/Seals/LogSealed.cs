using System.Globalization;

namespace Coordination.Agencies.Contracts.Seals;

/// <summary>
/// The hub signed the log's head: the entry at <paramref name="Position"/> has the hash <paramref name="HeadHash"/>,
/// and since each entry's hash covers the one before it, the seal fixes every entry up to that position. An entry on
/// the seals stream, and pushed live to every connected client (it carries no incident content), which keeps it: a log
/// rewritten later, even with every hash recomputed, no longer matches the seals its clients kept.
/// </summary>
/// <param name="Position">The position signed: the log's head when the seal was made.</param>
/// <param name="HeadHash">The hash of the entry at <paramref name="Position"/>, 64 lower-case hex digits.</param>
/// <param name="SealedAt">When the hub signed it (UTC, whole milliseconds).</param>
/// <param name="KeyId">The signing key's id (<see cref="SealKeyPublished"/>): 16 lower-case hex digits.</param>
/// <param name="Signature">Base64 of the ECDSA P-256 signature (SHA-256; r then s, 32 bytes each) of <see cref="CanonicalText"/> in UTF-8.</param>
public sealed record LogSealed(long Position, string HeadHash, DateTimeOffset SealedAt, string KeyId, string Signature)
{
    /// <summary>The first field of the signed text: the seal format's name and version.</summary>
    public const string Format = "coordination-seal-v1";

    /// <summary>
    /// The text the signature is over: <c>coordination-seal-v1|position|headHash|sealedAt|keyId</c>, the position in
    /// decimal, the hash in lower-case hex, the time as Unix milliseconds in decimal.
    /// </summary>
    /// <returns>The canonical text.</returns>
    public string CanonicalText() => string.Join('|',
        Format,
        Position.ToString(CultureInfo.InvariantCulture),
        HeadHash,
        SealedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        KeyId);
}
