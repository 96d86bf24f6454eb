using Coordination.Agencies.Contracts.Commands;
using Coordination.Hub.Auth;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// Appends one command's event to an existing incident: read what the caller may see, decide, append at
/// the version read. When the caller named no expected version, a conflict caused by someone else's
/// append in between (another agency acknowledging or updating the same incident) is resolved by reading and deciding
/// again; when the caller did name one, the conflict is theirs to see (409).
/// </summary>
public sealed class IncidentWriter(IEventLog log, IncidentAccess access)
{
    private const int Attempts = 5;

    public async Task<CommandResponse> AppendAsync(
        Caller caller,
        Guid incidentId,
        Guid? eventId,
        int? expectedVersion,
        Func<IncidentBoardRow, Task<NewEvent>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var incident = await access.GetVisibleAsync(caller, incidentId, cancellationToken);
            // A retry of a command already stored is answered as the success it was, whatever changed since.
            if (eventId is { } key && await log.FindAsync(key, cancellationToken) is { } stored)
            {
                return stored.IncidentId == incidentId
                    ? new CommandResponse(incidentId, stored.Position, stored.Version, WasDuplicate: true)
                    : throw CommandRejectedException.Conflict($"EventId {key} was already used for another incident.");
            }

            var decided = await decide(incident);
            try
            {
                var result = await log.AppendAsync(incidentId, expectedVersion ?? incident.Version, [decided], cancellationToken);
                return new CommandResponse(incidentId, result.LastPosition, result.LastVersion, result.WasDuplicate);
            }
            catch (ConcurrencyConflictException) when (expectedVersion is null && attempt < Attempts)
            {
            }
        }
    }
}
