using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Visibility;

namespace Coordination.Hub.Features.Log;

public sealed class CatchUpHandler(IEventLog log, AgencyView agencyView, ReadModels readModels, RestrictedAccessAudit audit)
{
    public const int MaxLimit = 1000;

    public async Task<CatchUpResponse> HandleAsync(Caller caller, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.EnsureReadsIncidents();
        if (after < 0)
        {
            throw new CommandRejectedException($"'after' must be 0 or a position in the log, not {after}.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new CommandRejectedException($"'limit' must be between 1 and {MaxLimit}, not {limit}.");
        }

        var head = await log.HeadPositionAsync(cancellationToken);
        var entries = caller.SeesEverything
            ? await log.ReadAfterAsync(after, limit, cancellationToken)
            : await agencyView.ReadAsync(caller.Agency, after, head, limit, cancellationToken);
        var restricted = await readModels.RestrictedAmongAsync(entries.Select(e => e.IncidentId).Where(id => !SystemStreams.IsSystem(id)), cancellationToken);
        await audit.RecordAsync(caller, restricted, "catch-up");

        // A short page means everything up to the head was looked at, visible or not.
        var nextAfter = entries.Count == limit ? entries[^1].Position : Math.Max(after, head);
        return new CatchUpResponse(entries, nextAfter, head);
    }
}
