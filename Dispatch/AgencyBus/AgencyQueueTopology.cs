using Coordination.Dispatch.Bus;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Coordination.Dispatch.AgencyBus;

/// <summary>
/// Declares one agency's queues (its entries and the replies to its commands) and the exchange of the same name bound
/// to each, before anything is sent there: a message sent to an exchange with no queue bound would be dropped, and the
/// queue must exist (and fill) while the agency's system is down. Declared here rather than through a MassTransit
/// address because a send address cannot make a quorum queue; MassTransit then sends to the exchange it finds (durable,
/// fanout, as it declares its own).
/// </summary>
/// <remarks>
/// One agency at a time, on a connection of its own, because the agency's system holds configure rights on its own
/// names: a queue it declared again with other arguments must cost that agency at most, never the others' feeds.
/// Such a queue or exchange is taken as it is (checked to exist) rather than refused: it is the agency's, and it still
/// fills (an exchange made of another type may not route to it: that costs the agency alone).
/// </remarks>
internal static class AgencyQueueTopology
{
    private const ushort PreconditionFailed = 406;

    public static async Task DeclareAsync(BusOptions bus, IReadOnlyList<string> queues, ILogger logger, CancellationToken cancellationToken)
    {
        // A broker that does not answer fails this agency's lane within seconds, to be retried.
        await using var connection = await BrokerConnections.OpenAsync(bus, "coordination-agency-queues", cancellationToken);
        var arguments = bus.QuorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
        foreach (var queue in queues)
        {
            // A channel per queue: the broker closes a channel on a refused declaration.
            await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                try
                {
                    await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
                {
                    DispatchLogMessages.AgencyQueueRedeclared(logger, queue);
                }
            }

            await using (var exchange = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
            {
                try
                {
                    await exchange.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == PreconditionFailed)
                {
                    DispatchLogMessages.AgencyQueueRedeclared(logger, queue);
                }
            }

            await using var binding = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await binding.QueueDeclarePassiveAsync(queue, cancellationToken);
            await binding.ExchangeDeclarePassiveAsync(queue, cancellationToken);
            await binding.QueueBindAsync(queue, queue, string.Empty, cancellationToken: cancellationToken);
        }
    }
}
