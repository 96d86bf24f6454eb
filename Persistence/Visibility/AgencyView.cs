using System.Collections.Concurrent;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Visibility;

/// <summary>
/// The part of the log an agency's liaisons see: every entry of each incident routed to the agency, from the
/// agency's own AgencyAlerted onwards. What is pushed live and what catch-up returns are this same set,
/// so a client can tell a gap (an entry it was owed but missed) from an entry it was never owed.
/// </summary>
/// <remarks>
/// Each agency's latest visible position is asked for every few seconds (the heartbeat) and at every catch-up, and
/// asked of the whole history it costs as much as the agency's alerts: on a year's log the heartbeats made most of an
/// idle hub's 0.47 cores. So the answer is kept per agency with the position it holds through, and carried forward by
/// reading only the entries appended since (<c>AgencyViewLatestIn</c>); the history is read once per agency after a
/// start, or after a range longer than a short read's. What an agency sees at or below a position never changes once
/// the log is past it, but for one case: a clearance granted again hides the agency's old window of the incident. Its
/// new alert lies beyond the kept position, so the answer carried to the new head is the history's; asked of a position
/// between the two before that, the kept answer is still a position of the old window, which the agency's clients
/// hold. Heads only grow: what a client was given is never read as beyond its agency's head.
/// </remarks>
/// <param name="dialect">The database.</param>
/// <param name="recentRange">The longest range read from the log outward (<see cref="RecentRange"/>; tests set 0 to read every range by the agency's alerts).</param>
public sealed class AgencyView(ISqlDialect dialect, long recentRange = AgencyView.RecentRange)
{
    private readonly ConcurrentDictionary<string, LatestSeen> _latest = new(StringComparer.Ordinal);

    /// <summary>
    /// Up to this many positions, a read walks the log's range and looks up each entry's audience; beyond it, it
    /// walks the agency's alerts. The first costs as much as the range, the second as much as the agency's history:
    /// on a year's log (a million entries, 17,000 alerts for an agency) the range was the cheaper below about 400,000.
    /// </summary>
    public const long RecentRange = 20_000;

    /// <summary>Visible entries with after &lt; position &lt;= until, in order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadAsync(string agency, long after, long until, int limit, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var script = until - after <= recentRange ? dialect.Scripts.AgencyViewReadRecent : dialect.Scripts.AgencyViewRead;
        var rows = await connection.QueryAsync<StoredRow>(new CommandDefinition(
            script, new { Agency = agency, After = after, Until = until, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(EventLogStore.ToEntry).ToArray();
    }

    /// <summary>
    /// The agency's head: the latest position it may see, read through <paramref name="logHead"/> or a later head
    /// another caller read it through (the heartbeat and catch-up ask at once, each with the log's head as it read it;
    /// a later one answers both). Every position at or below <paramref name="logHead"/> must be committed.
    /// </summary>
    public Task<AgencyHead> HeadAsync(string agency, long logHead, CancellationToken cancellationToken) =>
        KeptThroughAsync(agency, logHead, cancellationToken);

    /// <summary>
    /// The position of the last visible entry before <paramref name="position"/>; 0 when there is none. Every entry
    /// before <paramref name="position"/> must be committed (a position at or below the log's head, plus one).
    /// </summary>
    public async Task<long> PreviousPositionAsync(string agency, long position, CancellationToken cancellationToken)
    {
        var through = position - 1;
        var kept = await KeptThroughAsync(agency, through, cancellationToken);

        // Kept through a later position than asked: it answers only if the agency saw nothing between the two.
        return kept.Position <= through ? kept.Position : await PreviousFromHistoryAsync(agency, position, cancellationToken);
    }

    /// <summary>The agency's answer, carried at least through <paramref name="through"/>.</summary>
    private async Task<AgencyHead> KeptThroughAsync(string agency, long through, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var latest = _latest.GetOrAdd(agency, _ => new LatestSeen());
        var kept = latest.Current;
        if (kept is not null && through <= kept.Through)
        {
            return kept;
        }

        await latest.Gate.WaitAsync(cancellationToken);
        try
        {
            kept = latest.Current;
            if (kept is null || through - kept.Through > recentRange)
            {
                // First asked, or not for so long that the agency's alerts are the shorter way.
                kept = new AgencyHead(through, await PreviousFromHistoryAsync(agency, through + 1, cancellationToken));
            }
            else if (through > kept.Through)
            {
                // Anything found in the new range lies beyond everything seen before it.
                var found = await LatestInAsync(agency, kept.Through, through, cancellationToken);
                kept = new AgencyHead(through, found > 0 ? found : kept.Position);
            }

            latest.Current = kept;
            return kept;
        }
        finally
        {
            latest.Gate.Release();
        }
    }

    private async Task<long> PreviousFromHistoryAsync(string agency, long position, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlScripts.Visibility.AgencyViewPrevious, new { Agency = agency, Position = position }, cancellationToken: cancellationToken));
    }

    private async Task<long> LatestInAsync(string agency, long after, long through, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlScripts.Visibility.AgencyViewLatestIn, new { Agency = agency, After = after, Through = through }, cancellationToken: cancellationToken));
    }

    /// <summary>One agency's answer, and a gate so that a reconnecting crowd reads its history once.</summary>
    private sealed class LatestSeen
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile AgencyHead? Current;
    }
}
