namespace Coordination.Persistence.EventLog;

/// <summary>One entry of an incident's timeline (<see cref="IncidentTimeline"/>): a log entry with its summary.</summary>
public sealed class TimelineRow
{
    public long Position { get; set; }
    public Guid IncidentId { get; set; }
    public int Version { get; set; }
    public string Type { get; set; } = "";
    public string Actor { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public bool IsExercise { get; set; }
    /// <summary>The exercise the entry belongs to, for one run from a scenario.</summary>
    public Guid? ExerciseId { get; set; }
}
