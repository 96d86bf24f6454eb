using Coordination.Agencies.Contracts.Plans;

namespace Coordination.Persistence.Plans;

/// <summary>One task assigned on one incident, as its agency's task board shows it.</summary>
public sealed class PlanTaskRow
{
    public Guid IncidentId { get; set; }
    public string PlanCode { get; set; } = "";
    public string TaskId { get; set; } = "";
    public string Agency { get; set; } = "";
    /// <summary>The TaskAssigned entry's event id: escalations' ids derive from it.</summary>
    public Guid AssignedEventId { get; set; }
    public string TitleAr { get; set; } = "";
    public string TitleEn { get; set; } = "";
    /// <summary>The checklist (<see cref="ChecklistItem"/>s) as JSON.</summary>
    public string Checklist { get; set; } = "[]";
    public string? Capability { get; set; }
    public int? Quantity { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public PlanTaskStatus Status { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    /// <summary>The latest note: an acknowledgement's, progress or completion.</summary>
    public string? LastNote { get; set; }
    public DateTimeOffset? LastNoteAt { get; set; }
    public string? LastNoteBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    /// <summary>0 until the task is escalated; then 1 (agency duty officer), 2 (agency head), 3 (duty office and commanders).</summary>
    public int EscalationLevel { get; set; }
    public bool IsExercise { get; set; }
    /// <summary>The incident's exercise, when read with it (the escalation scan).</summary>
    public Guid? ExerciseId { get; set; }
    /// <summary>The TaskAssigned entry's position.</summary>
    public long Position { get; set; }

    /// <summary>Neither completed nor stood down.</summary>
    public bool IsOpen => Status is PlanTaskStatus.Assigned or PlanTaskStatus.Acknowledged or PlanTaskStatus.InProgress;
}
