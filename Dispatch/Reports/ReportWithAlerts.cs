using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Dispatch.Plans;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch.Reports;

/// <summary>
/// A report and its alerts, owned in one place. The report command appends a report here, with the alerts the
/// routing rules (or a restricted incident's clearance) plan for it, in one transaction, so the liaisons are told
/// as soon as the report is stored; the routing consumer asks here to route a report that reached the log without
/// them. Alerts appended with their report directly follow it (positions are given under the write lock), which
/// is how a routed report is known (<see cref="AlertPlanner.AlertsLoggedWith"/>), and a retried report is answered
/// from what was stored the first time, even after the rules changed. The contingency plans the report meets are
/// activated in the same transaction, after the alerts (<see cref="PlanActivations"/>), by both paths alike.
/// </summary>
public sealed class ReportWithAlerts(IEventLog log, AlertPlanner planner, ResentEvents resent, TimeProvider time, ILogger<ReportWithAlerts> logger, PlanActivations? plans = null)
{
    /// <summary>
    /// Appends a new incident's report with its alerts; a report whose event id is already stored is answered
    /// as stored (<see cref="StoredReport.WasDuplicate"/>), with the alerts it was given then.
    /// </summary>
    public async Task<StoredReport> AppendAsync(NewEvent report, IncidentReported reported, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(reported);
        AppendResult result;
        try
        {
            result = await log.AppendAsync(reported.IncidentId, ExpectedVersion.NoStream, [report, .. PlanSafely(report.EventId, report.EventId, reported, reported.ReportedAt)], cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A retry after the rules changed plans other alerts beside the stored report, which the log refuses
            // as a partial duplicate: the report is stored, and its alerts are the ones decided the first time.
            if (await StoredAsync(report.EventId, reported.IncidentId, cancellationToken) is { } stored)
            {
                return stored;
            }

            throw;
        }

        return result.WasDuplicate
            ? await StoredAsync(report.EventId, reported.IncidentId, cancellationToken) ?? throw new InvalidOperationException($"The log answered report {report.EventId} as stored but has no entry for it.")
            // The reference follows from the report's position, as the board derives it: no read needed.
            : new StoredReport(reported.IncidentId, result.FirstPosition, result.LastVersion, reported.ReportedAt, WasDuplicate: false);
    }

    /// <summary>
    /// Routes a report that reached the log without its alerts (<paramref name="next"/> is the entry after it,
    /// when known); leaves alone one that has them, since planning again could disagree with what the agencies
    /// were given, and one the log does not hold (a page from before a restore). Idempotent: the alerts' event ids
    /// derive from the report's.
    /// </summary>
    public async Task RouteIfUnroutedAsync(LogEntry entry, LogEntry? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Type != EventTypes.IncidentReported)
        {
            return;
        }

        using var scope = LogScopes.ForEntry(logger, entry);

        // A report that ends the page may still have its alerts at the start of the next one.
        if (next is null)
        {
            var after = await log.ReadAfterAsync(entry.Position, 1, cancellationToken);
            next = after.Count > 0 ? after[0] : null;
        }

        if (AlertPlanner.IsAlertOf(next, entry))
        {
            return;
        }

        // A page published before the log was restored from a backup can still wait in the broker's durable routing
        // queue. Its report may be gone from the log, and alerts for it would start an incident the log does not have.
        if (await log.FindAsync(entry.EventId, cancellationToken) is null)
        {
            DispatchLogMessages.ReportNotInLog(logger, entry.EventId, entry.IncidentId, entry.Position);
            return;
        }

        var report = entry.DataAs<IncidentReported>();
        var alerts = planner.AgenciesAlertedFor(entry.EventId, entry.Metadata.CorrelationId, report, time.GetUtcNow());
        if (alerts.Count == 0)
        {
            DispatchLogMessages.NoRoute(logger, entry.IncidentId);
        }

        // What the incident already has (a delivery again, or an update that raised its severity meanwhile): an agency
        // is alerted once per incident and a plan activated once, so only what is missing is appended.
        var logged = plans is null ? [] : await log.ReadIncidentAsync(entry.IncidentId, cancellationToken);
        var alerted = logged.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>().Agency).ToHashSet(StringComparer.Ordinal);
        alerts = [.. alerts.Where(a => !alerted.Contains(a.Agency))];
        var active = logged.Where(e => e.Type == EventTypes.PlanActivated).Select(e => e.DataAs<PlanActivated>().PlanCode).ToArray();
        IReadOnlyList<NewEvent> events =
        [
            .. alerts.Select(a => a.Alert),
            .. plans?.ForCriteria(IncidentFacts.Of(report, [.. alerted, .. alerts.Select(a => a.Agency)], active),
                new Activation(PlanTrigger.Report, PlanActivations.Actor, "moi-duty", null, entry.EventId, entry.Metadata.CorrelationId, time.GetUtcNow())) ?? [],
        ];
        if (events.Count == 0)
        {
            return;
        }

        var result = await log.AppendAsync(entry.IncidentId, ExpectedVersion.Any, events, cancellationToken);
        DispatchLogMessages.AgenciesAlerted(logger, entry.IncidentId, events.Count, result.FirstPosition, result.LastPosition, result.WasDuplicate);
    }

    /// <summary>The answer a stored report was given: its version is the one after the alerts logged with it. Null when none is stored.</summary>
    public async Task<StoredReport?> StoredAsync(Guid eventId, Guid incidentId, CancellationToken cancellationToken)
    {
        if (await resent.FindAsync(eventId, incidentId, cancellationToken) is not { } stored)
        {
            return null;
        }

        // Its alerts, and the plans it activated, directly follow it, each caused by it.
        var entries = await log.ReadIncidentAsync(stored.IncidentId, cancellationToken);
        var last = entries.Where(e => e.Position > stored.Position)
            .TakeWhile((e, i) => e.Position == stored.Position + 1 + i && e.Metadata.CausationId == stored.EventId)
            .LastOrDefault() ?? stored;
        return new StoredReport(stored.IncidentId, stored.Position, last.Version, stored.DataAs<IncidentReported>().ReportedAt, WasDuplicate: true);
    }

    private IReadOnlyList<NewEvent> PlanSafely(Guid eventId, Guid correlationId, IncidentReported reported, DateTimeOffset alertedAt)
    {
        try
        {
            var alerts = planner.AgenciesAlertedFor(eventId, correlationId, reported, alertedAt);
            if (plans is null)
            {
                return [.. alerts.Select(a => a.Alert)];
            }

            var activated = plans.ForCriteria(IncidentFacts.Of(reported, [.. alerts.Select(a => a.Agency)], []),
                new Activation(PlanTrigger.Report, PlanActivations.Actor, "moi-duty", null, eventId, correlationId, alertedAt));
            return [.. alerts.Select(a => a.Alert), .. activated];
        }
        catch (Exception ex)
        {
            // A fault in routing (or in activating plans) must not refuse the report: logged alone, it is routed, and
            // its plans activated, by the routing consumer.
            DispatchLogMessages.AlertsNotPlanned(logger, ex, reported.IncidentId);
            return [];
        }
    }
}

/// <summary>Where a report landed: its incident, its position, the incident's version after its alerts, and when it was reported.</summary>
public sealed record StoredReport(Guid IncidentId, long Position, int Version, DateTimeOffset ReportedAt, bool WasDuplicate);
