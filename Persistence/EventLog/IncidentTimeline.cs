using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;

namespace Coordination.Persistence.EventLog;

/// <summary>
/// An incident's timeline is its entries in the log, each with a short summary. It is read from the log
/// rather than kept as a copy, which would cost every append a row and an index entry of its own.
/// </summary>
public static class IncidentTimeline
{
    /// <summary>The incident's entries in the log, in order, each with its summary.</summary>
    public static Task<IReadOnlyList<TimelineRow>> ReadAsync(IEventLog log, Guid incidentId, CancellationToken cancellationToken) =>
        ReadAsync(log, incidentId, _ => true, cancellationToken);

    /// <summary>The incident's entries the reader may see (<paramref name="shown"/>), in order, each with its summary.</summary>
    public static async Task<IReadOnlyList<TimelineRow>> ReadAsync(IEventLog log, Guid incidentId, Func<LogEntry, bool> shown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        return (await log.ReadIncidentAsync(incidentId, cancellationToken)).Where(shown).Select(RowOf).ToArray();
    }

    private static TimelineRow RowOf(LogEntry entry) => new()
    {
        Position = entry.Position,
        IncidentId = entry.IncidentId,
        Version = entry.Version,
        Type = entry.Type,
        Actor = entry.Metadata.Actor,
        Agency = entry.Metadata.Agency,
        Summary = SummaryOf(entry),
        RecordedAt = entry.RecordedAt,
        IsExercise = entry.Metadata.IsExercise,
        ExerciseId = entry.Metadata.ExerciseId,
    };

    /// <summary>Data, not prose: the console words it in the reader's language.</summary>
    private static string SummaryOf(LogEntry entry)
    {
        switch (entry.Type)
        {
            case EventTypes.IncidentReported:
                return entry.DataAs<IncidentReported>().Title;
            case EventTypes.AgencyAlerted:
                return entry.DataAs<AgencyAlerted>().Agency;
            case EventTypes.AlertAcknowledged:
                var acknowledged = entry.DataAs<AlertAcknowledged>();
                return acknowledged.Note is { Length: > 0 } note ? $"{acknowledged.Agency}: {note}" : acknowledged.Agency;
            case EventTypes.IncidentUpdated:
                return entry.DataAs<IncidentUpdated>().Text;
            case EventTypes.IncidentStatusChanged:
                var changed = entry.DataAs<IncidentStatusChanged>();
                return changed.Reason is { Length: > 0 } reason ? $"{changed.From} → {changed.To}: {reason}" : $"{changed.From} → {changed.To}";
            case EventTypes.ClearanceChanged:
                var clearance = entry.DataAs<ClearanceChanged>();
                return $"+[{string.Join(", ", clearance.Granted)}] -[{string.Join(", ", clearance.Revoked)}] = [{string.Join(", ", clearance.ClearedAgencies)}]: {clearance.Reason}";
            case EventTypes.AlertEscalated:
                var escalated = entry.DataAs<AlertEscalated>();
                return $"{escalated.Agency} → {escalated.EscalatedTo} ({escalated.Level})";
            case EventTypes.AlertReminderSent:
                var reminded = entry.DataAs<AlertReminderSent>();
                return $"{reminded.Agency} ({reminded.Reminder})";
            case EventTypes.AgencyUnreachable:
                return entry.DataAs<AgencyUnreachable>().Agency;
            case EventTypes.PlanActivated:
                var activated = entry.DataAs<PlanActivated>();
                return $"{activated.PlanCode} v{activated.PlanVersion} ({activated.Trigger})";
            case EventTypes.PlanStoodDown:
                var stoodDown = entry.DataAs<PlanStoodDown>();
                return $"{stoodDown.PlanCode}: {stoodDown.Reason}";
            case EventTypes.TaskAssigned:
                var assigned = entry.DataAs<TaskAssigned>();
                return $"{assigned.Agency}: {assigned.PlanCode}/{assigned.TaskId}";
            case EventTypes.TaskAcknowledged:
                var taken = entry.DataAs<TaskAcknowledged>();
                return TaskSummary(taken.Agency, taken.PlanCode, taken.TaskId, taken.Note);
            case EventTypes.TaskProgressed:
                var progressed = entry.DataAs<TaskProgressed>();
                return TaskSummary(progressed.Agency, progressed.PlanCode, progressed.TaskId, progressed.Note);
            case EventTypes.TaskCompleted:
                var completed = entry.DataAs<TaskCompleted>();
                return TaskSummary(completed.Agency, completed.PlanCode, completed.TaskId, completed.Note);
            case EventTypes.TaskEscalated:
                var overdue = entry.DataAs<TaskEscalated>();
                return $"{overdue.Agency}: {overdue.PlanCode}/{overdue.TaskId} → {overdue.EscalatedTo} ({overdue.Level})";
            default:
                return entry.Type;
        }
    }

    private static string TaskSummary(string agency, string planCode, string taskId, string? note) =>
        note is { Length: > 0 } ? $"{agency}: {planCode}/{taskId}: {note}" : $"{agency}: {planCode}/{taskId}";
}
