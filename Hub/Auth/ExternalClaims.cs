using System.Security.Claims;
using Coordination.Agencies.Contracts.Reference;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Coordination.Hub.Auth;

/// <summary>Reading tokens from an external issuer: which scheme validates a token, and how its claims map.</summary>
public static class ExternalClaims
{
    /// <summary>True when the request's bearer token was issued by the hub itself (decided from its unvalidated "iss").</summary>
    public static bool IsFromIssuer(HttpContext context, string issuer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : context.Request.Query["access_token"].ToString();
        var handler = new JsonWebTokenHandler();
        if (string.IsNullOrEmpty(token) || !handler.CanReadToken(token))
        {
            return true;
        }

        return handler.ReadJsonWebToken(token).Issuer == issuer;
    }

    /// <summary>A principal with the hub's claims, or null when the role or agency is missing or unknown.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal principal, ExternalIssuerOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        var name = principal.FindFirstValue(options.NameClaim) ?? principal.FindFirstValue("sub");
        var roleText = principal.FindFirstValue(options.RoleClaim);
        var agency = principal.FindFirstValue(options.AgencyClaim);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(agency) || !Enum.TryParse<Role>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return null;
        }

        List<Claim> claims = [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role.ToString()), new Claim(Caller.AgencyClaim, agency)];
        if (principal.FindFirst(Caller.ExpiryClaim) is { } expiry)
        {
            // Kept so a connection opened with the token closes when it expires, as with the hub's own tokens.
            claims.Add(new Claim(Caller.ExpiryClaim, expiry.Value, expiry.ValueType));
        }

        var identity = new ClaimsIdentity(
            claims,
            "External",
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
