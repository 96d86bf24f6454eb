using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Exceptions;

namespace Coordination.Dispatch.Bus;

/// <summary>
/// Takes away, on RabbitMQ, the durable queues an earlier version of the hub declared and this one no longer reads:
/// bound to the log's pages, such a queue would take a copy of every page for ever with nobody to consume it, until
/// the broker's disk alarm stopped every publisher. Each is deleted at start only when no consumer holds it (a hub of
/// the earlier version still running in a rolling upgrade keeps it until a later start), with the exchange of the same
/// name that MassTransit made for it.
/// </summary>
internal sealed class RetiredQueues(BusOptions bus, IBusControl busControl, ILogger<RetiredQueues> logger) : BackgroundService
{
    private const ushort NotFound = 404;
    private const ushort PreconditionFailed = 406;

    /// <summary>
    /// The retired queues under <paramref name="prefix"/>: the unreachable-agency flag's own queue, which it left to
    /// become a step of the routing queue.
    /// </summary>
    public static IReadOnlyList<string> Names(string prefix) => [$"{prefix}-unreachable-agency"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await busControl.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
            await using var connection = await BrokerConnections.OpenAsync(bus, "coordination-retired-queues", stoppingToken);
            foreach (var name in Names(bus.QueuePrefix))
            {
                // A channel per queue: the broker closes a channel on a missing queue or a refused deletion.
                await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                try
                {
                    await channel.QueueDeclarePassiveAsync(name, stoppingToken);
                    var dropped = await channel.QueueDeleteAsync(name, ifUnused: true, ifEmpty: false, cancellationToken: stoppingToken);
                    await channel.ExchangeDeleteAsync(name, ifUnused: false, cancellationToken: stoppingToken);
                    DispatchLogMessages.RetiredQueueDeleted(logger, name, dropped);
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
                {
                    // Never declared here, or already gone.
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
                {
                    DispatchLogMessages.RetiredQueueInUse(logger, name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            DispatchLogMessages.RetiredQueuesNotDeleted(logger, ex);
        }
    }
}
