using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Persistence.EventLog;
using Microsoft.Extensions.Options;

namespace Coordination.Dispatch.Routing;

/// <summary>
/// Decides who must know about a report: one AgencyAlerted per agency the routing rules (or, for a
/// restricted incident, the duty office's clearance) name. The report's command appends them in the
/// report's own transaction; the routing consumer appends them for a report that arrived without them.
/// Both ask here, so both decide alike, and the alerts' event ids derive from the report's, so whichever
/// comes second stores nothing.
/// </summary>
public sealed class AlertPlanner(RoutingRulesProvider rules, IOptions<AlertOptions> alertOptions, IOptions<RoutingOptions> routingOptions, AgencyDirectory directory)
{
    /// <summary>The actor name routing decisions are recorded under.</summary>
    public const string Actor = "routing";

    /// <summary>The rule id on an alert raised because no rule matched.</summary>
    public const string FallbackRule = "fallback";

    /// <summary>The rule id on an alert to an agency the duty office cleared for a restricted incident.</summary>
    public const string ClearanceRule = AgencyAlerted.ClearanceRule;

    /// <summary>
    /// Who an incident alerts, with the rule that chose each: a restricted incident exactly the agencies cleared for
    /// it; otherwise the agencies the rules (<paramref name="ruleSet"/>, or those in force) name, or the fallback
    /// agencies when no rule matches, so that no incident alerts nobody. An exercise's incident (<paramref name="participants"/>
    /// not null) alerts only the exercise's participants among them: drill traffic never reaches an agency not in play.
    /// </summary>
    public IReadOnlyList<(string Agency, string RuleId)> Plan(HazardType hazard, Severity severity, string district, Classification classification, IReadOnlyList<string> cleared, RoutingRuleSet? ruleSet = null, IReadOnlyCollection<string>? participants = null)
    {
        ArgumentNullException.ThrowIfNull(cleared);
        bool InPlay(string agency) => participants is null || participants.Contains(agency);
        if (classification == Classification.Restricted)
        {
            return cleared.Where(InPlay).Select(a => (a, ClearanceRule)).ToArray();
        }

        var routed = (ruleSet ?? rules.Current).Route(hazard, severity, district).Where(a => InPlay(a.Agency)).ToArray();
        return routed.Length > 0
            ? routed
            : routingOptions.Value.FallbackAgencies.Where(directory.Exists).Where(InPlay).Distinct(StringComparer.Ordinal).Select(a => (a, FallbackRule)).ToArray();
    }

    /// <summary>The alerts for a report, alerted at <paramref name="alertedAt"/>.</summary>
    public IReadOnlyList<NewEvent> AlertsFor(Guid reportEventId, Guid correlationId, IncidentReported report, DateTimeOffset alertedAt) =>
        [.. AgenciesAlertedFor(reportEventId, correlationId, report, alertedAt).Select(a => a.Alert)];

    /// <summary>
    /// The alerts for a report, each with its agency: what a plan activated with the report must know of the same
    /// decision, so it alerts no agency twice.
    /// </summary>
    public IReadOnlyList<(string Agency, NewEvent Alert)> AgenciesAlertedFor(Guid reportEventId, Guid correlationId, IncidentReported report, DateTimeOffset alertedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var agencies = Plan(report.Hazard, report.Severity, report.Location.District, report.Classification, report.ClearedAgencies, participants: report.Exercise?.Participants);
        var deadline = alertedAt + alertOptions.Value.AcknowledgeWithin(report.Severity);
        return agencies.Select(a => (a.Agency, new NewEvent(
            DerivedEventId.Create(reportEventId, "alert:" + a.Agency),
            EventTypes.AgencyAlerted,
            JsonSerializer.Serialize(
                new AgencyAlerted(report.IncidentId, a.Agency, report.Hazard, report.Severity, report.Location.District, report.Title, a.RuleId, alertedAt, deadline, report.IsExercise),
                ContractJson.Options),
            new EntryMetadata(Actor, "moi-duty", correlationId, reportEventId, report.IsExercise, report.Exercise?.ExerciseId))))
            .ToArray();
    }

    /// <summary>
    /// The alerts for agencies newly cleared for a restricted incident, caused by the change of its clearance (the
    /// command's event, <paramref name="changeEventId"/>, from which their ids derive, so a retried change stores
    /// nothing twice): alerted as the report's cleared agencies were, with a deadline by the incident's severity now,
    /// escalated like any alert.
    /// </summary>
    public IReadOnlyList<NewEvent> ClearanceAlertsFor(Guid changeEventId, string actor, string actorAgency, AlertedIncident incident, IEnumerable<string> agencies, DateTimeOffset alertedAt)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(agencies);
        var deadline = alertedAt + alertOptions.Value.AcknowledgeWithin(incident.Severity);
        return agencies.Select(agency => new NewEvent(
            DerivedEventId.Create(changeEventId, "clearance-alert:" + agency),
            EventTypes.AgencyAlerted,
            JsonSerializer.Serialize(
                new AgencyAlerted(incident.IncidentId, agency, incident.Hazard, incident.Severity, incident.District, incident.Title, ClearanceRule, alertedAt, deadline, incident.IsExercise),
                ContractJson.Options),
            new EntryMetadata(actor, actorAgency, changeEventId, changeEventId, incident.IsExercise)))
            .ToArray();
    }

    /// <summary>
    /// True when <paramref name="next"/>, the entry right after a report, is one of that report's alerts:
    /// the report was appended with its alerts.
    /// </summary>
    public static bool IsAlertOf(LogEntry? next, LogEntry report) =>
        next is not null && AlertsLoggedWith(report, [next]).Any();

    /// <summary>
    /// The alerts appended with <paramref name="report"/>, found among <paramref name="entries"/> (in log order):
    /// its AgencyAlerted entries that directly follow it, which is where its own transaction puts them.
    /// </summary>
    public static IEnumerable<LogEntry> AlertsLoggedWith(LogEntry report, IEnumerable<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(entries);
        var position = report.Position;
        foreach (var entry in entries.Where(e => e.Position > report.Position))
        {
            if (entry.Position != position + 1 || entry.Type != EventTypes.AgencyAlerted || entry.Metadata.CausationId != report.EventId)
            {
                yield break;
            }

            position = entry.Position;
            yield return entry;
        }
    }
}

/// <summary>What an alert says of its incident: what it is, how severe now, where, its title, and whether it is drill traffic.</summary>
public sealed record AlertedIncident(Guid IncidentId, HazardType Hazard, Severity Severity, string District, string Title, bool IsExercise);
