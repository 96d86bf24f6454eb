using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Reports;
using MassTransit;

namespace Coordination.Dispatch.Consumers;

/// <summary>
/// Routes each report of a page that was appended without its alerts (<see cref="ReportWithAlerts"/>): a report
/// made through the hub's command carries them in its own transaction, so this is the path for one whose command
/// could not plan them, or one appended to the log by other means. Idempotent: the alerts' event ids derive from
/// the report's, so a redelivery stores nothing. The page's other once-per-cluster work follows the routing, on the
/// same delivery (<see cref="IRoutingQueueStep"/>), and the routing progress is recorded after all of it.
/// </summary>
public sealed class RoutingConsumer(ReportWithAlerts reports, IEnumerable<IRoutingQueueStep> steps, RoutingProgress? progress = null) : IConsumer<LogEntriesPublished>
{
    public async Task Consume(ConsumeContext<LogEntriesPublished> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = context.Message.Entries;
        // The page's reports are routed together: their alerts, on different incidents, then share the
        // log's group commits instead of waiting for one durable commit each.
        await Task.WhenAll(entries.Select((entry, i) => reports.RouteIfUnroutedAsync(entry, i + 1 < entries.Count ? entries[i + 1] : null, context.CancellationToken)));
        foreach (var step in steps)
        {
            await step.HandleAsync(entries, context.CancellationToken);
        }

        if (entries.Count > 0)
        {
            progress?.Handled(entries[^1].Position);
        }
    }
}
