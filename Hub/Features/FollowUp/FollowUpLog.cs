using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.FollowUp;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>
/// The follow-up's side of the log: each improvement item and each coordination meeting is a stream of its own, so an
/// item's history is its stream (recorded, rescheduled, alerted when overdue, completed) and the read model
/// (<see cref="FollowUpStore"/>) folds it in the same transaction. Every entry's id derives from its stream and purpose,
/// so a retried request writes nothing twice.
/// </summary>
public sealed class FollowUpLog(IEventLog log, FollowUpStore store, TimeProvider time)
{
    /// <summary>Every improvement item, the earliest due first.</summary>
    public Task<IReadOnlyList<ImprovementItemRow>> ItemsAsync(CancellationToken cancellationToken) => store.ItemsAsync(cancellationToken);

    /// <summary>One item as it now stands, or null.</summary>
    public Task<ImprovementItemRow?> ItemAsync(Guid itemId, CancellationToken cancellationToken) => store.ItemOfAsync(itemId, cancellationToken);

    /// <summary>An item's stream, oldest first: its history.</summary>
    public Task<IReadOnlyList<LogEntry>> HistoryAsync(Guid itemId, CancellationToken cancellationToken) => log.ReadIncidentAsync(itemId, cancellationToken);

    /// <summary>Every meeting, the latest held first.</summary>
    public Task<IReadOnlyList<MeetingRow>> MeetingsAsync(CancellationToken cancellationToken) => store.MeetingsAsync(cancellationToken);

    /// <summary>One meeting, or null.</summary>
    public Task<MeetingRow?> MeetingAsync(Guid meetingId, CancellationToken cancellationToken) => store.MeetingOfAsync(meetingId, cancellationToken);

    /// <summary>Records <paramref name="item"/>, open: the first entry of its stream (nothing when it is already recorded).</summary>
    public async Task<long> RecordAsync(Caller caller, ImprovementItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entry = Events.Create(DerivedEventId.Create(item.ItemId, "recorded"), EventTypes.ImprovementItemRecorded,
            new ImprovementItemRecorded(item, caller.UserName, time.GetUtcNow()), caller, false);
        return (await log.AppendAsync(item.ItemId, ExpectedVersion.Any, [entry], cancellationToken)).LastPosition;
    }

    /// <summary>Records <paramref name="meeting"/> (nothing when it is already recorded): the first entry of its stream.</summary>
    public async Task<long> RecordAsync(Caller caller, CoordinationMeeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var entry = Events.Create(DerivedEventId.Create(meeting.MeetingId, "recorded"), EventTypes.MeetingRecorded,
            new MeetingRecorded(meeting, caller.UserName, time.GetUtcNow()), caller, false);
        return (await log.AppendAsync(meeting.MeetingId, ExpectedVersion.Any, [entry], cancellationToken)).LastPosition;
    }

    /// <summary>
    /// Appends to an open item the entry <paramref name="change"/> makes of it; a done item is refused (409) and an
    /// unknown one 404. Overdue alerts, appended by the escalation scan meanwhile, do not make it a conflict: the item
    /// is read again and the change made after whatever its stream holds, up to <see cref="OverdueSteps.ChangeAttempts"/>
    /// times; an item still changing after that is a 409 naming it.
    /// </summary>
    public async Task<long> ChangeAsync(Guid itemId, Func<ImprovementItem, NewEvent> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var stream = await log.ReadIncidentAsync(itemId, cancellationToken);
            var item = stream.FirstOrDefault(e => e.Type == EventTypes.ImprovementItemRecorded)?.DataAs<ImprovementItemRecorded>().Item
                ?? throw Refusals.Refuse.NoImprovementItem(itemId);
            if (stream.LastOrDefault(e => e.Type == EventTypes.ImprovementItemCompleted) is { } done)
            {
                throw Refusals.Refuse.ItemAlreadyDone(itemId, done.DataAs<ImprovementItemCompleted>().By);
            }

            var rescheduled = stream.LastOrDefault(e => e.Type == EventTypes.ImprovementItemRescheduled)?.DataAs<ImprovementItemRescheduled>();
            try
            {
                var appended = await log.AppendAsync(itemId, stream[^1].Version, [change(item with { DueDate = rescheduled?.DueDate ?? item.DueDate })], cancellationToken);
                return appended.LastPosition;
            }
            catch (ConcurrencyConflictException) when (attempt < OverdueSteps.ChangeAttempts)
            {
                // Another change or an overdue step landed meanwhile: look again (a long-overdue item's steps come one
                // append after another, so as often as one scan can append them).
            }
            catch (ConcurrencyConflictException)
            {
                // Named as the item, not as the log's stream (whose generic 409 speaks of an incident).
                throw Refusals.Refuse.ItemChangedMeanwhile(itemId);
            }
        }
    }
}
