using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Dispatch.Consumers;

/// <summary>
/// Decides who must know about each newly reported incident and appends one AgencyAlerted per agency
/// to the log. Idempotent: the alerts' event ids derive from the report's, so a redelivery stores nothing.
/// </summary>
public sealed class RoutingConsumer(
    IEventLog log,
    RoutingRulesProvider rules,
    IOptions<AlertOptions> alertOptions,
    TimeProvider time,
    ILogger<RoutingConsumer> logger,
    RoutingProgress? progress = null) : IConsumer<LogEntriesPublished>
{
    /// <summary>The actor name routing decisions are recorded under.</summary>
    public const string Actor = "routing";

    public async Task Consume(ConsumeContext<LogEntriesPublished> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = context.Message.Entries;
        // The page's reports are routed together: their alerts, on different incidents, then share the
        // log's group commits instead of waiting for one durable commit each.
        await Task.WhenAll(entries.Select(entry => RouteAsync(entry, context.CancellationToken)));
        if (entries.Count > 0)
        {
            progress?.Handled(entries[^1].Position);
        }
    }

    private async Task RouteAsync(LogEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Type != EventTypes.IncidentReported)
        {
            return;
        }

        var report = entry.DataAs<IncidentReported>();
        var agencies = report.Classification == Classification.Restricted
            // A restricted incident goes to exactly the agencies the duty office cleared for it.
            ? report.ClearedAgencies.Select(a => (Agency: a, RuleId: "restricted-clearance")).ToArray()
            : rules.Current.Route(report.Hazard, report.Severity, report.Location.District);
        if (agencies.Count == 0)
        {
            DispatchLog.NoRoute(logger, entry.IncidentId);
            return;
        }

        var now = time.GetUtcNow();
        var deadline = now + alertOptions.Value.AcknowledgeWithin(report.Severity);
        var events = agencies.Select(a => new NewEvent(
            DerivedEventId.Create(entry.EventId, "alert:" + a.Agency),
            EventTypes.AgencyAlerted,
            JsonSerializer.Serialize(
                new AgencyAlerted(report.IncidentId, a.Agency, report.Hazard, report.Severity, report.Location.District, report.Title, a.RuleId, now, deadline, report.IsExercise),
                ContractJson.Options),
            new EntryMetadata(Actor, "moi-duty", entry.Metadata.CorrelationId, entry.EventId, report.IsExercise)))
            .ToArray();

        var result = await log.AppendAsync(entry.IncidentId, ExpectedVersion.Any, events, cancellationToken);
        DispatchLog.AgenciesAlerted(logger, entry.IncidentId, events.Length, result.FirstPosition, result.LastPosition, result.WasDuplicate);
    }
}
