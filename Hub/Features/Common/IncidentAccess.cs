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
    public async Task<IncidentBoardRow> GetVisibleAsync(Caller caller, Guid incidentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.EnsureReadsIncidents();
        var incident = await readModels.GetIncidentAsync(incidentId, cancellationToken);
        if (incident is null || !(caller.SeesEverything || await IsRoutedToAsync(incidentId, caller.Agency, cancellationToken)))
        {
            throw CommandRejectedException.NotFound(Say.Of($"There is no incident {incidentId} that you can see.", $"لا يوجد بلاغ {incidentId} يمكنك رؤيته."));
        }

        return incident;
    }

    public async Task<bool> IsRoutedToAsync(Guid incidentId, string agency, CancellationToken cancellationToken) =>
        (await readModels.GetAlertsAsync(incidentId, cancellationToken)).Any(a => a.Agency == agency);
}
