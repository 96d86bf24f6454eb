using Coordination.Agencies.Contracts.Audit;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.Accounts;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// Appends to the log's directory stream, where every change to agencies and users is an entry (who changed
/// what); the projections keep the directory tables from it. Passwords never enter the log.
/// </summary>
public sealed class DirectoryEntries(IEventLog log, DirectoryStore store, AgencyDirectory agencies)
{
    public async Task<long> AppendAsync<T>(Caller caller, Guid eventId, string type, T data, CancellationToken cancellationToken) =>
        (await log.AppendAsync(SystemStreams.Directory, ExpectedVersion.Any, [Events.Create(eventId, type, data, caller, false)], cancellationToken)).LastPosition;

    /// <summary>True before anything has been written to the directory: the first start.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        (await log.ReadIncidentAsync(SystemStreams.Directory, cancellationToken)).Count == 0;

    /// <summary>Reads the registered agencies into this hub's view, so routing and validation know them at once.</summary>
    public async Task RefreshAgenciesAsync(CancellationToken cancellationToken)
    {
        var rows = await store.AgenciesAsync(cancellationToken);
        if (rows.Count > 0)
        {
            agencies.Replace(rows.Select(a => new Agency(a.Code, a.NameAr, a.NameEn, a.Kind)));
        }
    }
}
