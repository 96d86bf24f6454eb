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
/// asked of the whole history it costs as much as the agency's alerts: a year's log made an idle hub's heartbeats
/// a tenth of a core. So the answer is kept per agency with the position it holds through, and carried forward by
/// reading only the entries appended since (<c>AgencyViewLatestIn</c>). That is exact because what an agency sees
/// at or below a position never changes once the log is past it, but for one case that also moves the answer:
/// a clearance granted again after a revoke hides the old window and shows the new alert, which lies beyond.
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
    /// The position of the last visible entry before <paramref name="position"/>; 0 when there is none. Every entry
    /// before <paramref name="position"/> must be committed (a position at or below the log's head, plus one).
    /// </summary>
    public async Task<long> PreviousPositionAsync(string agency, long position, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var through = position - 1;
        var latest = _latest.GetOrAdd(agency, _ => new LatestSeen());
        var known = latest.Current;
        if (known is null || through > known.Through)
        {
            await latest.Gate.WaitAsync(cancellationToken);
            try
            {
                known = latest.Current;
                if (known is null)
                {
                    known = new Answer(through, await PreviousFromHistoryAsync(agency, position, cancellationToken));
                }
                else if (through > known.Through)
                {
                    // Anything found in the new range lies beyond everything seen before it.
                    var found = await LatestInAsync(agency, known.Through, through, cancellationToken);
                    known = new Answer(through, found > 0 ? found : known.Position);
                }

                latest.Current = known;
            }
            finally
            {
                latest.Gate.Release();
            }
        }

        // Kept through a later position than asked: it answers only if the agency saw nothing between the two.
        return known.Position <= through ? known.Position : await PreviousFromHistoryAsync(agency, position, cancellationToken);
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

    /// <summary>The agency's last visible <see cref="Position"/> at or below <see cref="Through"/>.</summary>
    private sealed record Answer(long Through, long Position);

    /// <summary>One agency's answer, and a gate so that a reconnecting crowd reads its history once.</summary>
    private sealed class LatestSeen
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile Answer? Current;
    }
}
