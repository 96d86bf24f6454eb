using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using System.Data.Common;
using Dapper;

namespace Coordination.Persistence.Evaluation;

/// <summary>
/// Reads the alerts and tasks of a period or of an exercise for the evaluation figures, from the alert inbox and the
/// task board (kept in the append's transaction, with the times and positions the figures need), never from the log.
/// </summary>
public sealed class EvaluationStore(ISqlDialect dialect)
{
    /// <summary>
    /// Alerts raised in [<paramref name="from"/>, <paramref name="to"/>), real ones or exercises'; with
    /// <paramref name="figuresOnly"/>, without the ids and positions only the drill-down names.
    /// </summary>
    public async Task<IReadOnlyList<EvaluationAlertRow>> AlertsAsync(DateTimeOffset from, DateTimeOffset to, bool isExercise, CancellationToken cancellationToken, bool figuresOnly = false)
    {
        await using var connection = dialect.CreateConnection();
        return await ReadAlertsAsync(connection, new CommandDefinition(figuresOnly ? SqlScripts.Evaluation.AlertFiguresInPeriod : SqlScripts.Evaluation.AlertsInPeriod,
            new { From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds(), IsExercise = isExercise }, cancellationToken: cancellationToken));
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
        return await ReadAlertsAsync(connection, new CommandDefinition(SqlScripts.Evaluation.AlertsInExercise,
            new { ExerciseId = exerciseId }, cancellationToken: cancellationToken));
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

    /// <summary>
    /// The alerts read column by column: a quarter holds a hundred thousand of them, which Dapper's mapping (a boxed
    /// value through a type handler per Guid) read at several times the database's own cost. The agency, hazard and
    /// district codes repeat, so each is kept once; the ids and positions are read when the script selects them.
    /// </summary>
    private static async Task<IReadOnlyList<EvaluationAlertRow>> ReadAlertsAsync(DbConnection connection, CommandDefinition command)
    {
        await using var reader = await connection.ExecuteReaderAsync(command);
        var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
        int Column(string name) => columns.GetValueOrDefault(name, -1);
        int agency = Column("agency"), hazard = Column("hazard"), district = Column("district"), alertedAt = Column("alerted_at"),
            acknowledgeBy = Column("acknowledge_by"), acknowledgedAt = Column("acknowledged_at"), firstUpdateAt = Column("first_update_at"),
            escalationLevel = Column("escalation_level"), incidentId = Column("incident_id"), position = Column("position"),
            acknowledgedPosition = Column("acknowledged_position"), firstUpdatePosition = Column("first_update_position");
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        string Code(int ordinal)
        {
            var text = reader.GetString(ordinal);
            if (!codes.TryGetValue(text, out var kept))
            {
                codes[text] = kept = text;
            }

            return kept;
        }

        long? Maybe(int ordinal) => ordinal < 0 || reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
        var rows = new List<EvaluationAlertRow>();
        while (await reader.ReadAsync(command.CancellationToken))
        {
            rows.Add(new EvaluationAlertRow
            {
                IncidentId = incidentId < 0 ? Guid.Empty : reader.GetGuid(incidentId),
                Agency = Code(agency),
                Hazard = Code(hazard),
                District = Code(district),
                AlertedAt = reader.GetInt64(alertedAt),
                AcknowledgeBy = reader.GetInt64(acknowledgeBy),
                AcknowledgedAt = Maybe(acknowledgedAt),
                FirstUpdateAt = Maybe(firstUpdateAt),
                EscalationLevel = reader.GetInt32(escalationLevel),
                Position = Maybe(position) ?? 0,
                AcknowledgedPosition = Maybe(acknowledgedPosition),
                FirstUpdatePosition = Maybe(firstUpdatePosition),
            });
        }

        return rows;
    }

    private sealed class Reported
    {
        public Guid IncidentId { get; set; }
        public long ReportedAt { get; set; }
    }
}
