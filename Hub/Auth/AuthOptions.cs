namespace Coordination.Hub.Auth;

/// <summary>Coordination:Auth. The built-in token issuer and the sample accounts.</summary>
public sealed class AuthOptions
{
    public const string Section = "Coordination:Auth";

    /// <summary>Base64 HMAC key (at least 32 bytes). Empty: one is generated once and kept in the data directory.</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "coordination-hub";

    public string Audience { get; set; } = "coordination-hub";

    /// <summary>How long a sign-in token lasts; clients renew it with their refresh token (or sign in again) before then.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether to create the sample users (one per role and agency).</summary>
    public bool SeedSampleUsers { get; set; } = true;

    /// <summary>The password of every sample user. Change it, or turn the sample users off, outside a demo.</summary>
    public string SamplePassword { get; set; } = "Derna-2023";
}
