using MassTransit;

namespace Coordination.Hub.Presence;

/// <summary>Takes every hub's presence snapshots into this hub's <see cref="ClusterPresence"/>.</summary>
public sealed class PresenceSnapshotConsumer(ClusterPresence presence) : IConsumer<PresenceSnapshot>
{
    public Task Consume(ConsumeContext<PresenceSnapshot> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        presence.Offer(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>A temporary queue per hub instance, as the fan-out's: every hub must hear every other hub.</summary>
public sealed class PresenceSnapshotConsumerDefinition : ConsumerDefinition<PresenceSnapshotConsumer>
{
    public PresenceSnapshotConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
        });
    }
}
