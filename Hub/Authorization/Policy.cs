using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Authorization;

/// <summary>
/// What one role may do with one kind of action, as a cell of the roles table: "no", "yes", or the limit that
/// applies (e.g. "on incidents routed to their agency"). A cell other than "no" lets the role through; the limit
/// it names is the use case's to enforce (an incident it may not see answers 404).
/// </summary>
public sealed record Access(string Says)
{
    public static readonly Access Yes = new("yes");
    public static readonly Access No = new("no");

    public bool Allows => this != No;
}

/// <summary>
/// A named row of the roles table (<see cref="Policies"/>): the action, each role's access, and the reason a
/// refused caller reads. Every use case names its policy, and the pipeline demands it before anything else.
/// </summary>
public sealed record Policy(string Name, string Action, Access Operator, Access Commander, Access Liaison, Access Administrator, Text Refusal)
{
    /// <summary>Sign-in and refresh: reached without a token.</summary>
    public bool Anonymous { get; init; }

    public Access For(Role role) => role switch
    {
        Role.Operator => Operator,
        Role.Commander => Commander,
        Role.Liaison => Liaison,
        Role.Administrator => Administrator,
        _ => Access.No,
    };

    public bool Allows(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Anonymous || (caller.IsSignedIn && For(caller.Role).Allows);
    }

    /// <summary>Refuses (403, with this policy's reason) a caller it does not allow.</summary>
    public void Demand(Caller caller)
    {
        if (!Allows(caller))
        {
            throw Refuse.NotAllowed(Refusal);
        }
    }
}
