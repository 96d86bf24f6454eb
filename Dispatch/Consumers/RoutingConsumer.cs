using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Reports;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch.Consumers;

/// <summary>
/// Routes each report of a page that was appended without its alerts (<see cref="ReportWithAlerts"/>): a report
/// made through the hub's command carries them in its own transaction, so this is the path for one whose command
/// could not plan them, or one appended to the log by other means. Idempotent: the alerts' event ids derive from
/// the report's, so a redelivery stores nothing. The page's other once-per-cluster work follows the routing, on the
/// same delivery (<see cref="IRoutingQueueStep"/>), and the routing progress is recorded after all of it.
/// </summary>
public sealed class RoutingConsumer(ReportWithAlerts reports, IEnumerable<IRoutingQueueStep> steps, ILogger<RoutingConsumer> logger, RoutingProgress? progress = null) : IConsumer<LogEntriesPublished>
{
    /// <summary>How long a step waits before each of its further attempts.</summary>
    private static readonly TimeSpan[] StepRetries = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)];

    public async Task Consume(ConsumeContext<LogEntriesPublished> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = context.Message.Entries;
        // The page's reports are routed together: their alerts, on different incidents, then share the
        // log's group commits instead of waiting for one durable commit each.
        await Task.WhenAll(entries.Select((entry, i) => reports.RouteIfUnroutedAsync(entry, i + 1 < entries.Count ? entries[i + 1] : null, context.CancellationToken)));
        foreach (var step in steps)
        {
            await RunAsync(step, entries, context.CancellationToken);
        }

        if (entries.Count > 0)
        {
            progress?.Handled(entries[^1].Position);
        }
    }

    /// <summary>
    /// A step's fault stays the step's: tried again a moment later, then logged and left, so that it neither holds the
    /// routing queue, one page at a time, through routing's long retries nor sends a page already routed to the error
    /// queue. What the step did not do is the step's to recover (the unreachable flag's alert is found by its escalation).
    /// </summary>
    private async Task RunAsync(IRoutingQueueStep step, IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await step.HandleAsync(entries, cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt == StepRetries.Length)
                {
                    DispatchLogMessages.RoutingStepFailed(logger, ex, step.GetType().Name, entries.Count == 0 ? 0 : entries[0].Position, entries.Count == 0 ? 0 : entries[^1].Position);
                    return;
                }
            }

            await Task.Delay(StepRetries[attempt], cancellationToken);
        }
    }
}
