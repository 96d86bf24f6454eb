using RabbitMQ.Client;

namespace Coordination.Dispatch.Bus;

/// <summary>
/// A connection to the broker of its own, for the topology the hub keeps outside MassTransit (the agencies' queues,
/// queues of earlier versions taken away): it fails within seconds on a broker that does not answer, rather than after
/// the client's defaults.
/// </summary>
internal static class BrokerConnections
{
    public static Task<IConnection> OpenAsync(BusOptions bus, string clientName, CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            HostName = bus.Host,
            Port = bus.Port,
            VirtualHost = bus.VirtualHost,
            UserName = bus.Username,
            Password = bus.Password,
            ClientProvidedName = clientName,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ContinuationTimeout = TimeSpan.FromSeconds(5),
        }.CreateConnectionAsync(cancellationToken);
}
