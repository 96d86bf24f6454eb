using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Presence;

/// <summary>One user as one hub sees them.</summary>
/// <param name="UserName">The user.</param>
/// <param name="Role">Their role.</param>
/// <param name="Agency">Their agency's code.</param>
/// <param name="Connections">Live connections (console tabs, .NET clients); 0 for a user who has left.</param>
/// <param name="Since">When the earliest of those connections opened (UTC); null with none.</param>
/// <param name="LastSeen">Now while connected; when the last connection closed otherwise (UTC).</param>
public sealed record PresentUser(string UserName, Role Role, string Agency, int Connections, DateTimeOffset? Since, DateTimeOffset LastSeen);

/// <summary>
/// What one hub publishes on the bus about its own connections, every <c>PresenceInterval</c> and at once
/// (debounced) when one opens or closes. Every hub keeps the latest from each other hub for a few intervals.
/// </summary>
/// <param name="HubId">The publishing hub instance (new at each start).</param>
/// <param name="At">When it was taken, by the publisher's clock.</param>
/// <param name="Users">Its connected users and those who left it recently.</param>
public sealed record PresenceSnapshot(string HubId, DateTimeOffset At, IReadOnlyList<PresentUser> Users);
