using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Visibility;

namespace Coordination.Hub.Features.Incidents;

/// <summary>
/// One incident the caller may see: its board row, its alerts and its timeline (the incident's entries in the log; for a
/// liaison without other agencies' plan tasks, as the live feed).
/// </summary>
public sealed class GetIncident(IncidentAccess access, IEventLog log, RestrictedAccessAudit audit) : IUseCase<Guid, GetIncident.IncidentDetails>
{
    public sealed record IncidentDetails(IncidentBoardRow Incident, IReadOnlyList<AlertRow> Alerts, IReadOnlyList<TimelineRow> Timeline);

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<IncidentDetails> HandleAsync(Caller caller, Guid request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var incident = await access.GetVisibleAsync(caller, request, cancellationToken);
        if (incident.Board.Classification == Classification.Restricted)
        {
            await audit.RecordAsync(caller, [request], "details");
        }

        return new IncidentDetails(incident.Board, incident.Alerts, await IncidentTimeline.ReadAsync(log, request, e => OwnAgencyEntries.Shows(e, caller.SeesEverything ? null : caller.Agency), cancellationToken));
    }
}
