using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Common;

/// <summary>Records in the log who read which restricted incidents, when, and how (details, list or catch-up).</summary>
public sealed class RestrictedAccessAudit(IEventLog log, TimeProvider time)
{
    public async Task RecordAsync(Caller caller, IEnumerable<Guid> restrictedIncidents, string access)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var ids = restrictedIncidents.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var accessed = new RestrictedIncidentsAccessed(ids, caller.UserName, caller.Agency, caller.Role.ToString(), access, time.GetUtcNow());
        // Not cancellable: a read that happened is recorded even if the reader hung up.
        await log.AppendAsync(SystemStreams.Audit, ExpectedVersion.Any, [Events.Create(Guid.CreateVersion7(), EventTypes.RestrictedIncidentsAccessed, accessed, caller, false)], CancellationToken.None);
    }
}
