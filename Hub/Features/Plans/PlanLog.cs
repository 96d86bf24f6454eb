using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Dispatch.Plans;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Plans;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// The library's side of the log: each plan is a stream of its own whose entries each hold the whole plan, who
/// changed it and why, so a plan's history is its timeline; the read model (<see cref="PlanStore"/>) folds them in the
/// same transaction. A version written here is in force on this hub at once (<see cref="PlanLibrary"/>).
/// </summary>
public sealed class PlanLog(IEventLog log, PlanStore store, PlanLibrary library, TimeProvider time)
{
    /// <summary>The library as it stands: each plan at its latest version, by code.</summary>
    public async Task<IReadOnlyList<PlanView>> LatestAsync(CancellationToken cancellationToken) =>
        [.. (await store.LatestAsync(cancellationToken)).Select(PlanView.From)];

    /// <summary>Every version of a plan, oldest first; empty when there is no such plan.</summary>
    public Task<IReadOnlyList<PlanVersionRow>> HistoryAsync(Guid planId, CancellationToken cancellationToken) => store.HistoryAsync(planId, cancellationToken);

    /// <summary>
    /// Appends a version of <paramref name="plan"/>: its first (<paramref name="expectedVersion"/> 0) or the next after
    /// that version; another change since is a conflict (409). Returns the new version and its position.
    /// </summary>
    public async Task<(int Version, long Position)> AppendAsync(Caller caller, ContingencyPlan plan, string? reason, int expectedVersion, Guid eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(plan);
        var now = time.GetUtcNow();
        var entry = expectedVersion == 0
            ? Events.Create(eventId, EventTypes.PlanRecorded, new PlanRecorded(plan, caller.UserName, reason, now), caller, false)
            : Events.Create(eventId, EventTypes.PlanChanged, new PlanChanged(plan, caller.UserName, reason, now), caller, false);
        var appended = await log.AppendAsync(plan.PlanId, expectedVersion == 0 ? ExpectedVersion.NoStream : expectedVersion, [entry], cancellationToken);
        library.Offer(plan, appended.LastVersion);
        return (appended.LastVersion, appended.LastPosition);
    }
}
