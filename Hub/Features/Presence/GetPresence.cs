using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Presence;
using Coordination.Persistence.Projections;
using Caller = Coordination.Hub.Auth.Caller;

namespace Coordination.Hub.Features.Presence;

/// <summary>One agency on the board.</summary>
/// <param name="Agency">Agency code.</param>
/// <param name="NameAr">Its name in Arabic.</param>
/// <param name="NameEn">Its name in English.</param>
/// <param name="Connected">How many of its liaisons are connected now, on any hub.</param>
/// <param name="Unreachable">Nobody of it is connected: an alert now reaches nobody until someone connects.</param>
/// <param name="LastSeen">When one of its liaisons was last seen connected (now while one is); null if the hubs do not know.</param>
/// <param name="AlertsWaiting">Its alerts of open incidents not yet acknowledged.</param>
/// <param name="Users">Its liaisons the hubs know of: connected first, then by when last seen.</param>
public sealed record AgencyPresence(
    string Agency,
    string NameAr,
    string NameEn,
    int Connected,
    bool Unreachable,
    DateTimeOffset? LastSeen,
    int AlertsWaiting,
    IReadOnlyList<PresentUser> Users);

/// <summary>The agency board.</summary>
/// <param name="AsOf">When it was read (UTC).</param>
/// <param name="Settled">False in the first seconds after this hub started, before it has heard from every other hub.</param>
/// <param name="Agencies">Every responding agency (the duty office's own is not on it); a liaison's own agency only.</param>
public sealed record PresenceBoard(DateTimeOffset AsOf, bool Settled, IReadOnlyList<AgencyPresence> Agencies);

/// <summary>
/// Who of each agency is connected now, across every hub (<see cref="ClusterPresence"/>), since when and when each
/// was last seen, with the alerts it has not acknowledged. The duty office and commanders see every agency; a
/// liaison sees their own agency's line, which tells them whether they are its last connection.
/// </summary>
public sealed class GetPresence(ClusterPresence presence, AgencyDirectory agencies, ReadModels readModels, TimeProvider time) : IUseCase<GetPresence.Query, PresenceBoard>
{
    public sealed record Query;

    public Policy Policy => Policies.SeePresence;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<PresenceBoard> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var waiting = await readModels.CountAlertsWaitingAsync(cancellationToken);
        var liaisons = presence.Users().Where(u => u.Role == Role.Liaison).ToLookup(u => u.Agency, StringComparer.Ordinal);
        var shown = agencies.All.Where(a => a.Kind != "DutyOffice" && (caller.SeesEverything || a.Code == caller.Agency));
        var lines = shown.Select(a =>
        {
            var users = liaisons[a.Code].OrderByDescending(u => u.Connections > 0).ThenByDescending(u => u.LastSeen).ThenBy(u => u.UserName, StringComparer.Ordinal).ToArray();
            var connected = users.Count(u => u.Connections > 0);
            return new AgencyPresence(a.Code, a.NameAr, a.NameEn, connected, connected == 0,
                users.Length == 0 ? null : users.Max(u => u.LastSeen), waiting.GetValueOrDefault(a.Code), users);
        });
        return new PresenceBoard(time.GetUtcNow(), presence.IsSettled, [.. lines]);
    }
}
