using System.Security.Claims;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Auth;

/// <summary>Who is calling, read from the validated token.</summary>
public sealed record Caller(string UserName, Role Role, string Agency)
{
    public const string AgencyClaim = "agency";

    /// <summary>The duty office and commanders see every incident, restricted ones included; liaisons only those routed to their agency.</summary>
    public bool SeesEverything => Role is Role.Operator or Role.Commander;

    /// <summary>Administrators keep agencies, users and rules; they are not shown incident content.</summary>
    public bool ReadsIncidents => Role is not Role.Administrator;

    /// <summary>Refuses callers who do not read incidents.</summary>
    public void EnsureReadsIncidents()
    {
        if (!ReadsIncidents)
        {
            throw Features.Common.CommandRejectedException.Forbidden("Administrators keep agencies, users and rules; incidents are for the duty office, commanders and liaisons.");
        }
    }

    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The token has no name.");
        var role = Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("The token has no role."));
        var agency = principal.FindFirstValue(AgencyClaim) ?? throw new InvalidOperationException("The token has no agency.");
        return new Caller(name, role, agency);
    }
}
