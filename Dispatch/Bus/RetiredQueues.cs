using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Coordination.Dispatch.Bus;

/// <summary>
/// Takes away, on RabbitMQ, the durable queues an earlier version of the hub declared and this one no longer reads:
/// bound to the log's pages, such a queue would take a copy of every page for ever with nobody to consume it, until
/// the broker's disk alarm stopped every publisher. Each is deleted at start when no consumer holds it (a hub of the
/// earlier version still running in a rolling upgrade keeps it until a later start), with the exchange of the same
/// name that MassTransit made for it. The consumers are counted first rather than asking the broker to delete only
/// an unused queue, which RabbitMQ refuses for a quorum queue (one of these was, with <c>QuorumQueues</c> on); an
/// earlier hub that starts between the count and the deletion has its queue declared again by MassTransit.
/// </summary>
internal sealed class RetiredQueues(BusOptions bus, IBusControl busControl, ILogger<RetiredQueues> logger) : BackgroundService
{
    private const ushort NotFound = 404;

    /// <summary>
    /// The retired queues under <paramref name="prefix"/>: the unreachable-agency flag's own queue, which it left to
    /// become a step of the routing queue. The names are the ones MassTransit 8.5's kebab-case formatter gave them,
    /// written out because a later formatter need not give them again (a test holds the two together).
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
                await RetireAsync(connection, name, stoppingToken);
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

    private async Task RetireAsync(IConnection connection, string name, CancellationToken cancellationToken)
    {
        // A channel per step: the broker closes a channel on a missing queue.
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            try
            {
                var queue = await channel.QueueDeclarePassiveAsync(name, cancellationToken);
                if (queue.ConsumerCount > 0)
                {
                    DispatchLogMessages.RetiredQueueInUse(logger, name);
                    return;
                }

                var dropped = await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);
                DispatchLogMessages.RetiredQueueDeleted(logger, name, dropped);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
            {
                // Never declared here, or already gone; its exchange may be left from a start stopped between the two.
            }
        }

        await using var exchange = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await exchange.ExchangeDeleteAsync(name, ifUnused: false, cancellationToken: cancellationToken);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == NotFound)
        {
            // Gone already.
        }
    }
}
