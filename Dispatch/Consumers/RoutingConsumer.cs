using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch.Consumers;

/// <summary>
/// Routes each report of a page that was appended without its alerts: a report made through the hub's
/// command carries them in its own transaction, so this is the path for one whose command could not plan
/// them, or one appended to the log by other means. Idempotent: the alerts' event ids derive from the
/// report's, so a redelivery stores nothing.
/// </summary>
public sealed class RoutingConsumer(
    IEventLog log,
    AlertPlanner planner,
    TimeProvider time,
    ILogger<RoutingConsumer> logger,
    RoutingProgress? progress = null) : IConsumer<LogEntriesPublished>
{
    public async Task Consume(ConsumeContext<LogEntriesPublished> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = context.Message.Entries;
        // The page's reports are routed together: their alerts, on different incidents, then share the
        // log's group commits instead of waiting for one durable commit each.
        await Task.WhenAll(entries.Select((entry, i) => RouteAsync(entry, i + 1 < entries.Count ? entries[i + 1] : null, context.CancellationToken)));
        if (entries.Count > 0)
        {
            progress?.Handled(entries[^1].Position);
        }
    }

    private async Task RouteAsync(LogEntry entry, LogEntry? next, CancellationToken cancellationToken)
    {
        if (entry.Type != EventTypes.IncidentReported)
        {
            return;
        }

        // A report that ends the page may still have its alerts at the start of the next one.
        if (next is null)
        {
            var after = await log.ReadAfterAsync(entry.Position, 1, cancellationToken);
            next = after.Count > 0 ? after[0] : null;
        }

        if (AlertPlanner.IsAlertOf(next, entry))
        {
            // Routed when it was appended. Planning again could disagree (the rules may have changed since),
            // and the first decision is the one the agencies were given.
            return;
        }

        var report = entry.DataAs<IncidentReported>();
        var events = planner.AlertsFor(entry.EventId, entry.Metadata.CorrelationId, report, time.GetUtcNow());
        if (events.Count == 0)
        {
            DispatchLog.NoRoute(logger, entry.IncidentId);
            return;
        }

        var result = await log.AppendAsync(entry.IncidentId, ExpectedVersion.Any, events, cancellationToken);
        DispatchLog.AgenciesAlerted(logger, entry.IncidentId, events.Count, result.FirstPosition, result.LastPosition, result.WasDuplicate);
    }
}
