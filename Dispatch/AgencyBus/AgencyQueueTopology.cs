using Coordination.Dispatch.Bus;
using RabbitMQ.Client;

namespace Coordination.Dispatch.AgencyBus;

/// <summary>
/// Declares each agency's queues (its entries and the replies to its commands) and the exchange of the same name bound
/// to each, before anything is sent there: a
/// message sent to an exchange with no queue bound would be dropped, and the queue must exist (and fill) while the
/// agency's system is down. Declared here rather than through a MassTransit address because a send address cannot make
/// a quorum queue; MassTransit then sends to the exchange it finds (durable, fanout, as it declares its own).
/// </summary>
internal static class AgencyQueueTopology
{
    public static async Task DeclareAsync(BusOptions bus, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = bus.Host,
            Port = bus.Port,
            VirtualHost = bus.VirtualHost,
            UserName = bus.Username,
            Password = bus.Password,
            ClientProvidedName = "coordination-agency-queues",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var arguments = bus.QuorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
        foreach (var queue in queues)
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queue, string.Empty, cancellationToken: cancellationToken);
        }
    }
}
