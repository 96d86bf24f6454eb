using Coordination.Dispatch.Bus;
using MassTransit;

namespace Coordination.Dispatch.Consumers;

/// <summary>One shared, durable queue for routing: with several hubs, each report is routed by one of them.</summary>
public sealed class RoutingConsumerDefinition(BusOptions bus) : ConsumerDefinition<RoutingConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RoutingConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        // In log order, one at a time: routing progress can then be recorded as a single position.
        endpointConfigurator.ConcurrentMessageLimit = 1;
        if (bus.QuorumQueues && endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            // Replicated across the cluster's nodes: a node loss does not lose unrouted reports.
            rabbit.SetQuorumQueue();
        }

        // Database contention or a broker hiccup is retried; the log's idempotency makes retries safe.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000, 15000));
    }
}
