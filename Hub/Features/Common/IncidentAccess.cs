using Coordination.Hub.Localization;
using Coordination.Hub.Auth;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// Who may see an incident: the duty office, commanders and administrators see all; a liaison only an
/// incident routed to their agency (routing sends a restricted incident only to the agencies cleared for it).
/// An incident the caller may not see is reported as not found, so its existence does not leak.
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
        caller.EnsureReadsIncidents();
        var incident = await readModels.GetIncidentAsync(incidentId, cancellationToken);
        var alerts = incident is null ? [] : await readModels.GetAlertsAsync(incidentId, cancellationToken);
        if (incident is null || !(caller.SeesEverything || alerts.Any(a => a.Agency == caller.Agency)))
        {
            throw CommandRejectedException.NotFound(Say.Of($"There is no incident {incidentId} that you can see.", $"لا يوجد بلاغ {incidentId} يمكنك رؤيته."));
        }

        return new VisibleIncident(incident, alerts);
    }
}

/// <summary>An incident as the caller may see it: its board row and the alerts raised for it.</summary>
public sealed record VisibleIncident(IncidentBoardRow Board, IReadOnlyList<AlertRow> Alerts);
