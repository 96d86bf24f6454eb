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
public sealed class AgencyView(ISqlDialect dialect)
{
    /// <summary>Visible entries with after &lt; position &lt;= until, in order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadAsync(string agency, long after, long until, int limit, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<StoredRow>(new CommandDefinition(
            dialect.Scripts.AgencyViewRead, new { Agency = agency, After = after, Until = until, Limit = limit }, cancellationToken: cancellationToken));
        return rows.Select(EventLogStore.ToEntry).ToArray();
    }

    /// <summary>The position of the last visible entry before <paramref name="position"/>; 0 when there is none.</summary>
    public async Task<long> PreviousPositionAsync(string agency, long position, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqlScripts.Visibility.AgencyViewPrevious, new { Agency = agency, Position = position }, cancellationToken: cancellationToken));
    }
}
