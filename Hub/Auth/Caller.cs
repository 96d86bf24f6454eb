using System.Security.Claims;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Auth;

/// <summary>Who is calling, read from the validated token (or nobody yet, for sign-in).</summary>
public sealed record Caller(string UserName, Role Role, string Agency)
{
    public const string AgencyClaim = "agency";

    /// <summary>The token's expiry, seconds since 1970 (JWT "exp").</summary>
    public const string ExpiryClaim = "exp";

    /// <summary>A request without a token: only policies open to anyone let it through.</summary>
    public static Caller Anonymous { get; } = new("", Role.Liaison, "") { IsSignedIn = false };

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSignedIn { get; private init; } = true;

    /// <summary>When the caller's token expires (its "exp"); null for a caller without one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? ExpiresAt { get; private init; }

    /// <summary>True once the token has expired: a connection opened with it must not outlive it.</summary>
    public bool HasExpired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    /// <summary>The duty office and commanders see every incident, restricted ones included; liaisons only those routed to their agency.</summary>
    public bool SeesEverything => IsSignedIn && Role is Role.Operator or Role.Commander;

    /// <summary>Administrators keep agencies, users and rules; they are not shown incident content.</summary>
    public bool ReadsIncidents => IsSignedIn && Role is not Role.Administrator;

    /// <summary>The caller a validated principal names; <see cref="Anonymous"/> for one that is not signed in.</summary>
    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var name = principal.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The token has no name.");
        var role = Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("The token has no role."));
        var agency = principal.FindFirstValue(AgencyClaim) ?? throw new InvalidOperationException("The token has no agency.");
        var expires = long.TryParse(principal.FindFirstValue(ExpiryClaim), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        return new Caller(name, role, agency) { ExpiresAt = expires };
    }
}
