using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Plans;

/// <summary>
/// Reads the contingency plans and their activations, kept from the log in the same transactions as the log: the
/// library from the plans' streams, activations and tasks from the incidents' streams.
/// </summary>
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

    /// <summary>The plans activated on an incident, in the order they were.</summary>
    public async Task<IReadOnlyList<PlanActivationRow>> ActivationsAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<PlanActivationRow>(new CommandDefinition(
            SqlScripts.Plans.ActivationsForIncident, new { IncidentId = incidentId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The tasks assigned on an incident, in the order they were.</summary>
    public async Task<IReadOnlyList<PlanTaskRow>> TasksAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<PlanTaskRow>(new CommandDefinition(
            SqlScripts.Plans.TasksForIncident, new { IncidentId = incidentId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Open tasks of open incidents whose next escalation has fallen due by <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<PlanTaskRow>> TasksToEscalateAsync(DateTimeOffset now, TimeSpan stepInterval, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<PlanTaskRow>(new CommandDefinition(SqlScripts.Plans.TasksToEscalate, new
        {
            Now = now,
            StepMilliseconds = (long)stepInterval.TotalMilliseconds,
        }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Open tasks of open real incidents past their due time at <paramref name="now"/>, the most overdue first.</summary>
    public async Task<IReadOnlyList<PlanTaskRow>> OverdueTasksAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<PlanTaskRow>(new CommandDefinition(SqlScripts.Plans.OverdueTasks, new { Now = now }, cancellationToken: cancellationToken))).AsList();
    }
}
