using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Plans;

/// <summary>Reads the library of contingency plans, kept from the plans' streams of the log in the same transactions as the log.</summary>
public sealed class PlanStore(ISqlDialect dialect)
{
    /// <summary>Each plan at its latest version, by code.</summary>
    public async Task<IReadOnlyList<PlanVersionRow>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<PlanVersionRow>(new CommandDefinition(SqlScripts.Plans.PlanVersionsLatest, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every version of one plan, oldest first; empty for an unknown id.</summary>
    public async Task<IReadOnlyList<PlanVersionRow>> HistoryAsync(Guid planId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<PlanVersionRow>(new CommandDefinition(
            SqlScripts.Plans.PlanHistory, new { PlanId = planId }, cancellationToken: cancellationToken))).AsList();
    }
}
