using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Log;

/// <summary>
/// Entries after a position that the caller may see, in order. Continue from <see cref="NextAfter"/>
/// (the last position looked at, seen or not) until it reaches <see cref="HeadPosition"/>.
/// </summary>
public sealed record CatchUpResponse(IReadOnlyList<LogEntry> Entries, long NextAfter, long HeadPosition);

public sealed class CatchUpHandler(IEventLog log, ReadModels readModels)
{
    public const int MaxLimit = 1000;

    public async Task<CatchUpResponse> HandleAsync(Caller caller, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (after < 0)
        {
            throw new CommandRejectedException($"'after' must be 0 or a position in the log, not {after}.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new CommandRejectedException($"'limit' must be between 1 and {MaxLimit}, not {limit}.");
        }

        var head = await log.HeadPositionAsync(cancellationToken);
        if (caller.SeesEverything)
        {
            var all = await log.ReadAfterAsync(after, limit, cancellationToken);
            return new CatchUpResponse(all, all.Count > 0 ? all[^1].Position : Math.Max(after, Math.Min(after, head)), head);
        }

        // A liaison sees every entry of each incident routed to their agency, including those before the alert.
        var routed = (await readModels.GetInboxAsync(caller.Agency, cancellationToken)).Select(a => a.IncidentId).ToHashSet();
        var visible = new List<LogEntry>(limit);
        var scanned = after;
        // Bound the work of one call; the client continues from NextAfter.
        for (var pages = 0; pages < 10 && visible.Count < limit && scanned < head; pages++)
        {
            var page = await log.ReadAfterAsync(scanned, MaxLimit, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                scanned = entry.Position;
                if (routed.Contains(entry.IncidentId))
                {
                    visible.Add(entry);
                    if (visible.Count == limit)
                    {
                        break;
                    }
                }
            }
        }

        return new CatchUpResponse(visible, scanned, head);
    }
}
