using MassTransit;

namespace Coordination.Hub.Realtime;

/// <summary>A temporary, per-instance endpoint with one message at a time, so pushes keep log order.</summary>
public sealed class LogEntryFanoutConsumerDefinition : ConsumerDefinition<LogEntryFanoutConsumer>
{
    public LogEntryFanoutConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
            e.ConcurrentMessageLimit = 1;
            e.PrefetchCount = 64;
        });
    }
}
