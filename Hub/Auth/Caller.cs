using System.Security.Claims;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Auth;

/// <summary>Who is calling, read from the validated token.</summary>
public sealed record Caller(string UserName, Role Role, string Agency)
{
    public const string AgencyClaim = "agency";

    /// <summary>Duty office, commanders and administrators see every incident; liaisons only those routed to their agency.</summary>
    public bool SeesEverything => Role is Role.Operator or Role.Commander or Role.Administrator;

    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The token has no name.");
        var role = Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("The token has no role."));
        var agency = principal.FindFirstValue(AgencyClaim) ?? throw new InvalidOperationException("The token has no agency.");
        return new Caller(name, role, agency);
    }
}
