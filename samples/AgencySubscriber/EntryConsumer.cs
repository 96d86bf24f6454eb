using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Plans;
using MassTransit;

namespace AgencySubscriber;

/// <summary>
/// Handles the agency's entries in log order: prints each, acknowledges the agency's own alerts, and stores the last
/// position. Types it does not consume go to MassTransit's <c>_skipped</c> queue; add a consumer for any you need.
/// </summary>
internal sealed class EntryConsumer(SubscriberSettings settings, LastPosition last) :
    IConsumer<AgencyEntry<AgencyAlerted>>,
    IConsumer<AgencyEntry<AlertEscalated>>,
    IConsumer<AgencyEntry<AlertAcknowledged>>,
    IConsumer<AgencyEntry<IncidentUpdated>>,
    IConsumer<AgencyEntry<IncidentStatusChanged>>,
    IConsumer<AgencyEntry<TaskAssigned>>
{
    public async Task Consume(ConsumeContext<AgencyEntry<AgencyAlerted>> context)
    {
        var entry = context.Message;
        if (!last.IsNew(entry.Position))
        {
            return;
        }

        var alert = entry.Data;
        Console.WriteLine($"[{entry.Position}] ALERT {alert.Agency}: {alert.Title} ({alert.Hazard}, {alert.Severity}, {alert.District}) acknowledge by {alert.AcknowledgeBy:u}");
        if (settings.Acknowledge && alert.Agency == settings.Agency)
        {
            // The idempotency key derives from the alert, so acknowledging it again after a crash stores nothing new.
            var commands = await context.GetSendEndpoint(new Uri($"exchange:{AgencyQueues.Commands(settings.Prefix, settings.Agency)}"));
            await commands.Send(new AcknowledgeAlertOverBus(alert.IncidentId, new AcknowledgeAlertRequest(KeyFrom(entry.EventId, "acknowledge"), "استلمه نظام الجهة / received by the agency's system", null)));
        }

        last.Save(entry.Position);
    }

    public Task Consume(ConsumeContext<AgencyEntry<AlertEscalated>> context) => Print(context.Message, e => $"escalated: level {e.Data.Level}");

    public Task Consume(ConsumeContext<AgencyEntry<AlertAcknowledged>> context) => Print(context.Message, e => $"acknowledged by {e.Data.AcknowledgedBy}");

    public Task Consume(ConsumeContext<AgencyEntry<IncidentUpdated>> context) => Print(context.Message, e => $"update: {e.Data.Text}");

    public Task Consume(ConsumeContext<AgencyEntry<IncidentStatusChanged>> context) => Print(context.Message, e => $"status: {e.Data.From} -> {e.Data.To}");

    public Task Consume(ConsumeContext<AgencyEntry<TaskAssigned>> context) => Print(context.Message, e => $"task for {e.Data.Agency}: {e.Data.TaskId}");

    /// <summary>A key of the sender's own, the same every time for the same entry and purpose (never the entry's own id).</summary>
    private static Guid KeyFrom(Guid eventId, string purpose)
    {
        var hash = System.Security.Cryptography.SHA256.HashData([.. eventId.ToByteArray(), .. System.Text.Encoding.UTF8.GetBytes(purpose)]);
        return new Guid(hash.AsSpan(0, 16));
    }

    private Task Print<T>(AgencyEntry<T> entry, Func<AgencyEntry<T>, string> line)
    {
        if (last.IsNew(entry.Position))
        {
            Console.WriteLine($"[{entry.Position}] {entry.IncidentId} v{entry.Version} {line(entry)}");
            last.Save(entry.Position);
        }

        return Task.CompletedTask;
    }
}
