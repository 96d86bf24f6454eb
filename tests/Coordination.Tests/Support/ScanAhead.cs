using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Register;
using Coordination.Dispatch.Escalation;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>
/// The hub's own log, except that the escalation scan can be made to win a race on demand: once armed for a risk, each
/// of the next appends of a change to that risk finds the next step of its overdue review (alert, reminder, then the
/// escalations) appended to the stream just before it, as a scan running at that moment would append it.
/// </summary>
internal sealed class ScanAhead
{
    private EventLogStore? _inner;
    private Guid _riskId;
    private RiskRequest? _risk;
    private int _left;
    private int _step;

    /// <summary>Puts this in front of the hub's log.</summary>
    public void Decorate(IServiceCollection services)
    {
        services.AddSingleton<EventLogStore>();
        services.AddSingleton<IEventLog>(provider => new Log(this, _inner = provider.GetRequiredService<EventLogStore>()));
    }

    /// <summary>The next <paramref name="times"/> changes of the risk each lose the race to one more step.</summary>
    public void Arm(Guid riskId, RiskRequest risk, int times) => (_riskId, _risk, _left, _step) = (riskId, risk, times, 0);

    private async Task BeforeAsync(Guid streamId, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        if (streamId != _riskId || !events.Any(e => e.Type == EventTypes.RiskChanged) || Interlocked.Decrement(ref _left) < 0)
        {
            return;
        }

        var risk = _risk!;
        var step = ++_step;
        var nextReview = risk.NextReview!.Value;
        var dueAt = new DateTimeOffset(nextReview.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        object data = step switch
        {
            1 => new RiskReviewOverdue(streamId, risk.Code!, risk.TitleAr!, risk.TitleEn!, risk.LeadAgency!, nextReview, dueAt),
            2 => new RiskReviewReminderSent(streamId, risk.Code!, risk.LeadAgency!, nextReview, dueAt),
            _ => new RiskReviewEscalated(streamId, risk.Code!, risk.LeadAgency!, step - 2, FollowUpPlanner.Chain[Math.Min(step - 3, 2)], nextReview, dueAt),
        };
        var type = step switch { 1 => EventTypes.RiskReviewOverdue, 2 => EventTypes.RiskReviewReminderSent, _ => EventTypes.RiskReviewEscalated };
        var entry = OverdueFollowUp.Create(streamId, "review", nextReview.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), step, type, data);
        await _inner!.AppendAsync(streamId, ExpectedVersion.Any, [entry], cancellationToken);
    }

    private sealed class Log(ScanAhead scan, IEventLog inner) : IEventLog
    {
        public async Task<AppendResult> AppendAsync(Guid incidentId, int expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
        {
            await scan.BeforeAsync(incidentId, events, cancellationToken);
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
