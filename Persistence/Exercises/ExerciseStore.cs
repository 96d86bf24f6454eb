using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Exercises;

/// <summary>
/// Reads the exercise scenarios and the exercises, kept from the log in the same transactions as the log: the library
/// from the scenarios' streams, where each exercise stands from its own stream.
/// </summary>
public sealed class ExerciseStore(ISqlDialect dialect)
{
    /// <summary>Each scenario at its latest version, by code.</summary>
    public async Task<IReadOnlyList<ScenarioVersionRow>> LatestScenariosAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<ScenarioVersionRow>(new CommandDefinition(SqlScripts.Exercises.ScenarioVersionsLatest, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every version of one scenario, oldest first; empty for an unknown id.</summary>
    public async Task<IReadOnlyList<ScenarioVersionRow>> ScenarioHistoryAsync(Guid scenarioId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<ScenarioVersionRow>(new CommandDefinition(
            SqlScripts.Exercises.ScenarioHistory, new { ScenarioId = scenarioId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every exercise, the latest started first.</summary>
    public async Task<IReadOnlyList<ExerciseRow>> ExercisesAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<ExerciseRow>(new CommandDefinition(SqlScripts.Exercises.ExercisesList, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The exercises running now (not paused, not ended).</summary>
    public async Task<IReadOnlyList<Guid>> RunningAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<Guid>(new CommandDefinition(SqlScripts.Exercises.ExercisesUnderway, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The decisions on exercise findings' proposals about a risk or plan, the latest first.</summary>
    public async Task<IReadOnlyList<ProposalDecisionRow>> ProposalDecisionsForAsync(Guid targetId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<ProposalDecisionRow>(new CommandDefinition(
            SqlScripts.Exercises.ProposalDecisionsFor, new { TargetId = targetId }, cancellationToken: cancellationToken))).AsList();
    }
}
