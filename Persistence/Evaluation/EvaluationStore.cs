using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Evaluation;

/// <summary>
/// Reads the alerts and tasks of a period or of an exercise for the evaluation figures, from the alert inbox and the
/// task board (kept in the append's transaction, with the times and positions the figures need), never from the log.
/// </summary>
public sealed class EvaluationStore(ISqlDialect dialect)
{
    /// <summary>Alerts raised in [<paramref name="from"/>, <paramref name="to"/>), real ones or exercises'.</summary>
    public async Task<IReadOnlyList<EvaluationAlertRow>> AlertsAsync(DateTimeOffset from, DateTimeOffset to, bool isExercise, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<EvaluationAlertRow>(new CommandDefinition(SqlScripts.Evaluation.AlertsInPeriod,
            new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds(), IsExercise = isExercise }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Tasks assigned in [<paramref name="from"/>, <paramref name="to"/>), real ones or exercises'.</summary>
    public async Task<IReadOnlyList<EvaluationTaskRow>> TasksAsync(DateTimeOffset from, DateTimeOffset to, bool isExercise, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<EvaluationTaskRow>(new CommandDefinition(SqlScripts.Evaluation.TasksInPeriod,
            new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds(), IsExercise = isExercise }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The alerts of one exercise's incidents.</summary>
    public async Task<IReadOnlyList<EvaluationAlertRow>> ExerciseAlertsAsync(Guid exerciseId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<EvaluationAlertRow>(new CommandDefinition(SqlScripts.Evaluation.AlertsInExercise,
            new { ExerciseId = exerciseId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The tasks of one exercise's incidents.</summary>
    public async Task<IReadOnlyList<EvaluationTaskRow>> ExerciseTasksAsync(Guid exerciseId, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<EvaluationTaskRow>(new CommandDefinition(SqlScripts.Evaluation.TasksInExercise,
            new { ExerciseId = exerciseId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>When each of <paramref name="incidentIds"/> was reported (unknown ids left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> ReportedAtAsync(IEnumerable<Guid> incidentIds, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryListedAsync<Reported>(SqlScripts.Evaluation.IncidentsReported, "IncidentIds", incidentIds, cancellationToken: cancellationToken);
        return rows.ToDictionary(r => r.IncidentId, r => DateTimeOffset.FromUnixTimeMilliseconds(r.ReportedAt));
    }

    private sealed class Reported
    {
        public Guid IncidentId { get; set; }
        public long ReportedAt { get; set; }
    }
}
