using System.Globalization;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Register;
using Coordination.Dispatch.Escalation;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>
/// The hub's own log, except that the escalation scan can be made to win a race on demand: once armed for a stream,
/// each of the next appends to it finds the next step of its overdue date (the alert, the reminder, then the three
/// escalations) appended just before it, as one scan of a long-overdue date appends them one after another.
/// </summary>
internal sealed class ScanAhead
{
    private EventLogStore? _inner;
    private Guid _streamId;
    private Func<int, NewEvent>? _step;
    private int _left;
    private int _taken;

    /// <summary>Puts this in front of the hub's log.</summary>
    public void Decorate(IServiceCollection services)
    {
        services.AddSingleton<EventLogStore>();
        services.AddSingleton<IEventLog>(provider => new Log(this, _inner = provider.GetRequiredService<EventLogStore>()));
    }

    /// <summary>The next <paramref name="times"/> appends to the stream each lose the race to one more step.</summary>
    public void Arm(Guid streamId, int times, Func<int, NewEvent> step) => (_streamId, _step, _left, _taken) = (streamId, step, times, 0);

    /// <summary>An overdue review's steps, as the scan appends them to a risk's stream.</summary>
    public static Func<int, NewEvent> ReviewSteps(Guid riskId, RiskRequest risk)
    {
        var nextReview = risk.NextReview!.Value;
        var dueAt = OverdueSteps.OverdueFrom(nextReview);
        return step => Step(riskId, "review", nextReview, step,
            new RiskReviewOverdue(riskId, risk.Code!, risk.TitleAr!, risk.TitleEn!, risk.LeadAgency!, nextReview, dueAt), EventTypes.RiskReviewOverdue,
            new RiskReviewReminderSent(riskId, risk.Code!, risk.LeadAgency!, nextReview, dueAt), EventTypes.RiskReviewReminderSent,
            level => new RiskReviewEscalated(riskId, risk.Code!, risk.LeadAgency!, level, FollowUpPlanner.Chain[level - 1], nextReview, dueAt), EventTypes.RiskReviewEscalated);
    }

    /// <summary>An overdue improvement item's steps, as the scan appends them to the item's stream.</summary>
    public static Func<int, NewEvent> ItemSteps(Guid itemId, string owner, string actionAr, string actionEn, DateOnly dueDate)
    {
        var dueAt = OverdueSteps.OverdueFrom(dueDate);
        return step => Step(itemId, "item", dueDate, step,
            new ImprovementItemOverdue(itemId, owner, actionAr, actionEn, dueDate, dueAt), EventTypes.ImprovementItemOverdue,
            new ImprovementItemReminderSent(itemId, owner, dueDate, dueAt), EventTypes.ImprovementItemReminderSent,
            level => new ImprovementItemEscalated(itemId, owner, level, FollowUpPlanner.Chain[level - 1], dueDate, dueAt), EventTypes.ImprovementItemEscalated);
    }

    private static NewEvent Step(Guid streamId, string kind, DateOnly date, int step, object alert, string alertType, object reminder, string reminderType, Func<int, object> escalation, string escalationType)
    {
        var (data, type) = step switch
        {
            OverdueSteps.Alerted => (alert, alertType),
            OverdueSteps.Reminded => (reminder, reminderType),
            _ => (escalation(step - OverdueSteps.Reminded), escalationType),
        };
        return OverdueFollowUp.Create(streamId, kind, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), step, type, data);
    }

    private async Task BeforeAsync(Guid streamId, CancellationToken cancellationToken)
    {
        if (streamId != _streamId || Interlocked.Decrement(ref _left) < 0)
        {
            return;
        }

        await _inner!.AppendAsync(streamId, ExpectedVersion.Any, [_step!(Interlocked.Increment(ref _taken))], cancellationToken);
    }

    private sealed class Log(ScanAhead scan, IEventLog inner) : IEventLog
    {
        public async Task<AppendResult> AppendAsync(Guid incidentId, int expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
        {
            await scan.BeforeAsync(incidentId, cancellationToken);
            return await inner.AppendAsync(incidentId, expectedVersion, events, cancellationToken);
        }

        public Task<IReadOnlyList<LogEntry>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken) => inner.ReadAfterAsync(after, limit, cancellationToken);

        public Task<IReadOnlyList<LogEntry>> ReadTailAfterAsync(long after, int limit, CancellationToken cancellationToken) => inner.ReadTailAfterAsync(after, limit, cancellationToken);

        public Task<IReadOnlyList<LogEntry>> ReadIncidentAsync(Guid incidentId, CancellationToken cancellationToken) => inner.ReadIncidentAsync(incidentId, cancellationToken);

        public Task<LogEntry?> FindAsync(Guid eventId, CancellationToken cancellationToken) => inner.FindAsync(eventId, cancellationToken);

        public Task<long> HeadPositionAsync(CancellationToken cancellationToken) => inner.HeadPositionAsync(cancellationToken);

        public IAsyncEnumerable<StoredRow> ReadStoredAsync(long first, long last, CancellationToken cancellationToken) => inner.ReadStoredAsync(first, last, cancellationToken);

        public Task<StoredRow?> LastOfStreamAsync(Guid streamId, CancellationToken cancellationToken) => inner.LastOfStreamAsync(streamId, cancellationToken);

        public Task<IReadOnlyList<LogEntry>> ReadStreamAfterAsync(Guid streamId, long after, CancellationToken cancellationToken) => inner.ReadStreamAfterAsync(streamId, after, cancellationToken);

        public Task<VerificationResult> VerifyAsync(CancellationToken cancellationToken) => inner.VerifyAsync(cancellationToken);
    }
}
