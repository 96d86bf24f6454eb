using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Security;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// Records in the log who read which restricted incidents, when, and how (details, list, catch-up or inbox),
/// bounded: a user's first read of an incident in a window (<see cref="SecurityOptions.RestrictedAccessAuditWindow"/>)
/// is an entry at once; the further reads of it that way in the window are counted and written as one entry
/// when the window closes (<see cref="RestrictedAccessAuditFlush"/>), or when the hub stops. So polling a board
/// cannot grow the log and the commanders' feed by an entry per read, and every read is still accounted for.
/// </summary>
public sealed class RestrictedAccessAudit(IEventLog log, TimeProvider time, SecurityOptions options)
{
    private readonly RestrictedReadWindows _windows = new(options.RestrictedAccessAuditWindow);

    public async Task RecordAsync(Caller caller, IEnumerable<Guid> restrictedIncidents, string access)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = time.GetUtcNow();
        // A read whose entry then fails to append leaves its window open: the reads that follow are still
        // counted into the window's summary, so the audit is late for them but complete.
        var opened = _windows.Read(caller, access, restrictedIncidents.Distinct().ToArray(), now);
        if (opened.Count == 0)
        {
            return;
        }

        var accessed = new RestrictedIncidentsAccessed(opened, caller.UserName, caller.Agency, caller.Role.ToString(), access, now);
        // Not cancellable: a read that happened is recorded even if the reader hung up.
        await log.AppendAsync(SystemStreams.Audit, ExpectedVersion.Any, [Events.Create(Guid.CreateVersion7(), EventTypes.RestrictedIncidentsAccessed, accessed, caller, false)], CancellationToken.None);
    }

    /// <summary>Writes the counted reads of the windows closed by now (of all of them when <paramref name="stopping"/>): one entry per reader, way, window and count.</summary>
    public async Task WriteClosedWindowsAsync(bool stopping = false)
    {
        var now = time.GetUtcNow();
        var folded = _windows.TakeClosed(now, stopping);
        if (folded.Count == 0)
        {
            return;
        }

        var events = folded
            .GroupBy(f => (f.Reader, f.Access, f.WindowStart, f.WindowEnd, f.Reads))
            .Select(g => Events.Create(
                Guid.CreateVersion7(),
                EventTypes.RestrictedIncidentsAccessed,
                new RestrictedIncidentsAccessed([.. g.Select(f => f.IncidentId)], g.Key.Reader.UserName, g.Key.Reader.Agency, g.Key.Reader.Role.ToString(), g.Key.Access, now, g.Key.Reads, g.Key.WindowStart, g.Key.WindowEnd),
                g.Key.Reader,
                false))
            .ToArray();
        try
        {
            await log.AppendAsync(SystemStreams.Audit, ExpectedVersion.Any, events, CancellationToken.None);
        }
        catch
        {
            _windows.GiveBack(folded);
            throw;
        }
    }
}
