using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// Which incidents a caller may see: the duty office and commanders see all; a liaison only an incident routed to
/// their agency (routing sends a restricted incident only to the agencies cleared for it). An incident the caller
/// may not see is reported as not found, so its existence does not leak. Whether the caller's role reads incidents
/// at all is the use case's policy, demanded before this.
/// </summary>
public sealed class IncidentAccess(ReadModels readModels)
{
    /// <summary>
    /// The incident with its alerts, read once for both: a liaison's access is decided by the alerts, and the
    /// acknowledgement and the incident's details need them too.
    /// </summary>
    public async Task<VisibleIncident> GetVisibleAsync(Caller caller, Guid incidentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var incident = await readModels.GetIncidentAsync(incidentId, cancellationToken);
        var alerts = incident is null ? [] : await readModels.GetAlertsAsync(incidentId, cancellationToken);
        // An agency whose clearance was revoked keeps its alert row, but not the incident.
        if (incident is null || !(caller.SeesEverything || alerts.Any(a => a.Agency == caller.Agency && a.IsCurrent)))
        {
            throw Refuse.NoIncident(incidentId);
        }

        return new VisibleIncident(incident, alerts);
    }

    /// <summary>
    /// The incident as a change of its clearance reads it: the duty office and commanders as they see it;
    /// administrators, who keep clearances without reading incidents, any incident (the use case shows them its
    /// reference, hazard, district and agencies only, and refuses a public one).
    /// </summary>
    public async Task<VisibleIncident> GetForClearanceAsync(Caller caller, Guid incidentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!(caller.IsSignedIn && caller.Role == Role.Administrator))
        {
            return await GetVisibleAsync(caller, incidentId, cancellationToken);
        }

        var incident = await readModels.GetIncidentAsync(incidentId, cancellationToken) ?? throw Refuse.NoIncident(incidentId);
        return new VisibleIncident(incident, await readModels.GetAlertsAsync(incidentId, cancellationToken));
    }
}

/// <summary>An incident as the caller may see it: its board row and the alerts raised for it (revoked ones too).</summary>
public sealed record VisibleIncident(IncidentBoardRow Board, IReadOnlyList<AlertRow> Alerts)
{
    /// <summary>The agencies that see the incident now: alerted, and not revoked since.</summary>
    public IEnumerable<string> CurrentAgencies => Alerts.Where(a => a.IsCurrent).Select(a => a.Agency);
}
