using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// Every hub instance receives every log entry (its own temporary queue) and pushes it to each audience
/// allowed to see it, with the position of that audience's previous visible entry so clients can detect
/// what they missed: the everything-group sees every position; an agency sees its incidents from its alert on.
/// </summary>
public sealed class LogEntryFanoutConsumer(
    IHubContext<CoordinationHub, ICoordinationClient> hub,
    IncidentAudience audience,
    FanoutCursor cursor) : IConsumer<LogEntry>
{
    public async Task Consume(ConsumeContext<LogEntry> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = context.Message;
        if (entry.Type == EventTypes.AgencyAlerted)
        {
            audience.AgencyAlerted(entry.IncidentId, entry.DataAs<AgencyAlerted>().Agency, entry.Position);
        }

        cursor.Arrived(entry.Position);
        await hub.Clients.Group(AudienceGroups.Everything).EntryAppended(entry, entry.Position - 1);
        foreach (var agency in await audience.AgenciesSeeingAsync(entry.IncidentId, entry.Position, context.CancellationToken))
        {
            var previous = await cursor.PreviousForAsync(agency, entry.Position, context.CancellationToken);
            // Recorded before the send: the entry was the agency's whether or not this push reaches anyone,
            // so the next push still reveals it to a client that missed it.
            cursor.Pushed(agency, entry.Position);
            await hub.Clients.Group(AudienceGroups.Agency(agency)).EntryAppended(entry, previous);
        }
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
