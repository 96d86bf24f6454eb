namespace Coordination.Hub.Auth;

/// <summary>
/// Coordination:Auth:External. A ministry's own OpenID Connect issuer whose access tokens the hub also
/// accepts, beside its built-in issuer. Off while <see cref="Authority"/> is empty.
/// </summary>
public sealed class ExternalIssuerOptions
{
    public const string Section = "Coordination:Auth:External";

    /// <summary>The issuer's address (its discovery document is at /.well-known/openid-configuration).</summary>
    public string Authority { get; set; } = "";

    /// <summary>The audience the issuer puts in tokens meant for the hub.</summary>
    public string Audience { get; set; } = "coordination-hub";

    /// <summary>Claim carrying the user name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Claim carrying the role: Operator, Liaison, Commander or Administrator.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Claim carrying the agency code.</summary>
    public string AgencyClaim { get; set; } = "agency";

    /// <summary>Refuse an http:// authority (keep true outside a closed test network).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
