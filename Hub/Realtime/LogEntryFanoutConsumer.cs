using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// Every hub instance receives every log entry (its own temporary queue) and pushes it to the groups
/// allowed to see it: everything-group always, and each agency alerted for the entry's incident.
/// </summary>
public sealed class LogEntryFanoutConsumer(IHubContext<CoordinationHub, ICoordinationClient> hub, IncidentAudience audience) : IConsumer<LogEntry>
{
    public async Task Consume(ConsumeContext<LogEntry> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = context.Message;
        var agencies = await audience.GetAsync(entry.IncidentId, context.CancellationToken);
        if (entry.Type == EventTypes.AgencyAlerted)
        {
            var alerted = entry.DataAs<AgencyAlerted>().Agency;
            audience.AddAgency(entry.IncidentId, alerted);
            agencies = agencies.Add(alerted);
        }

        var groups = agencies.Select(AudienceGroups.Agency).Prepend(AudienceGroups.Everything).ToArray();
        await hub.Clients.Groups(groups).EntryAppended(entry);
    }
}

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
