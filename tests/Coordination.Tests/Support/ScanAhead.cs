using System.Collections.Concurrent;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Escalation;
using Coordination.Dispatch.FollowUp;
using Coordination.Dispatch.Register;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.FollowUp;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Register;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>
/// The hub's own log, except that the escalation scan can be made to win a race on demand: once armed for a stream,
/// each of the next appends to it (alone or as one part of an append over several streams) finds the next step of its
/// overdue date (the alert, the reminder, then the three escalations, as the scan's own planners make them) appended
/// just before it, as one scan of a long-overdue date appends them one after another; or any other entry armed, such
/// as a change someone else made.
/// </summary>
internal sealed class ScanAhead
{
    private readonly ConcurrentQueue<NewEvent> _steps = new();
    private EventLogStore? _inner;
    private Guid _streamId;

    /// <summary>Puts this in front of the hub's log.</summary>
    public void Decorate(IServiceCollection services)
    {
        services.AddSingleton<EventLogStore>();
        services.AddSingleton<IEventLog>(provider => new Log(this, _inner = provider.GetRequiredService<EventLogStore>()));
    }

    /// <summary>Each of the next appends to the stream loses the race to the next of <paramref name="steps"/>.</summary>
    public void Arm(Guid streamId, IEnumerable<NewEvent> steps)
    {
        _streamId = streamId;
        _steps.Clear();
        foreach (var step in steps)
        {
            _steps.Enqueue(step);
        }
    }

    /// <summary>Every step of an overdue review of <paramref name="risk"/>, as the scan appends them to its stream.</summary>
    public static IReadOnlyList<NewEvent> ReviewSteps(Guid riskId, RiskRequest risk)
    {
        var nextReview = risk.NextReview!.Value;
        var review = new RiskReviewRow
        {
            RiskId = riskId, Code = risk.Code!, TitleAr = risk.TitleAr!, TitleEn = risk.TitleEn!, LeadAgency = risk.LeadAgency!,
            NextReview = OverdueSteps.Stored(nextReview), DueAt = OverdueSteps.OverdueFrom(nextReview),
        };
        return [.. ReviewFollowUpPlanner.Due(review, LongAfter(review.DueAt), new EscalationOptions())];
    }

    /// <summary>Every step of an overdue improvement item, as the scan appends them to its stream.</summary>
    public static IReadOnlyList<NewEvent> ItemSteps(Guid itemId, string owner, string actionAr, string actionEn, DateOnly dueDate)
    {
        var item = new ImprovementItemRow
        {
            ItemId = itemId, OwnerAgency = owner, ActionAr = actionAr, ActionEn = actionEn,
            DueDate = OverdueSteps.Stored(dueDate), DueAt = OverdueSteps.OverdueFrom(dueDate),
        };
        return [.. ImprovementFollowUpPlanner.Due(item, LongAfter(item.DueAt), new EscalationOptions())];
    }

    // Past the last step whatever the step interval: every step is due at once, as for a date long gone.
    private static DateTimeOffset LongAfter(DateTimeOffset dueAt) => dueAt.AddYears(1);

    private async Task BeforeAsync(Guid streamId, CancellationToken cancellationToken)
    {
        if (streamId == _streamId && _steps.TryDequeue(out var step))
        {
            await _inner!.AppendAsync(streamId, ExpectedVersion.Any, [step], cancellationToken);
        }
    }

    private sealed class Log(ScanAhead scan, IEventLog inner) : IEventLog
    {
        public async Task<AppendResult> AppendAsync(Guid incidentId, int expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
        {
            await scan.BeforeAsync(incidentId, cancellationToken);
            return await inner.AppendAsync(incidentId, expectedVersion, events, cancellationToken);
        }

        public async Task<IReadOnlyList<AppendResult>> AppendAllAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken)
        {
            foreach (var append in appends)
            {
                await scan.BeforeAsync(append.StreamId, cancellationToken);
            }

            return await inner.AppendAllAsync(appends, cancellationToken);
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
