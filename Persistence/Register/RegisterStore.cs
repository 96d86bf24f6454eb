using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Register;

/// <summary>Reads the risk register, kept from the risks' streams of the log in the same transactions as the log.</summary>
public sealed class RegisterStore(ISqlDialect dialect)
{
    /// <summary>Each risk's latest version recorded at or before <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<RiskVersionRow>> AsOfAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<RiskVersionRow>(new CommandDefinition(
            SqlScripts.Register.RiskVersionsAsOf, new { AsOf = asOf.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The position of the register's latest change (0 before the first): it moves whenever any risk changes.</summary>
    public async Task<long> LatestPositionAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlScripts.Register.RiskLatestPosition, cancellationToken: cancellationToken));
    }

    /// <summary>Every version of one risk, oldest first; empty for an unknown id.</summary>
    public async Task<IReadOnlyList<RiskVersionRow>> HistoryAsync(Guid riskId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<RiskVersionRow>(new CommandDefinition(
            SqlScripts.Register.RiskHistory, new { RiskId = riskId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Reviews of risks (not sample ones) whose next alerting step has fallen due by <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<RiskReviewRow>> ReviewsDueAsync(DateTimeOffset now, TimeSpan stepInterval, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<RiskReviewRow>(new CommandDefinition(SqlScripts.Register.ReviewsDue, new
        {
            Now = now,
            StepMilliseconds = (long)stepInterval.TotalMilliseconds,
        }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>One risk's review, or null for an unknown id.</summary>
    public async Task<RiskReviewRow?> ReviewOfAsync(Guid riskId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<RiskReviewRow>(new CommandDefinition(
            SqlScripts.Register.ReviewOf, new { RiskId = riskId }, cancellationToken: cancellationToken));
    }
}
