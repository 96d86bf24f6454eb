namespace Coordination.Agencies.Contracts.Plans;

/// <summary>
/// A plan's task was assigned to an agency on an incident. The agency is alerted to the incident first (its
/// AgencyAlerted comes before), so its liaisons receive this entry live. A task is known by its incident, plan code
/// and task id.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanCode">The plan it comes from.</param>
/// <param name="TaskId">Its id in the plan.</param>
/// <param name="Agency">The agency that must do it.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="AssignedAt">When (UTC): the plan's activation.</param>
/// <param name="DueAt">By when it must be done (UTC): the activation plus the task's due offset.</param>
/// <param name="Checklist">Its steps, in both languages.</param>
/// <param name="Capability">The capability it needs, if any.</param>
/// <param name="Quantity">How many of that capability.</param>
/// <param name="IsExercise">True when this is drill traffic.</param>
public sealed record TaskAssigned(
    Guid IncidentId,
    string PlanCode,
    string TaskId,
    string Agency,
    string TitleAr,
    string TitleEn,
    DateTimeOffset AssignedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<ChecklistItem> Checklist,
    string? Capability,
    int? Quantity,
    bool IsExercise);

/// <summary>The agency's liaison took the task on.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanCode">The plan.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Agency">The agency.</param>
/// <param name="By">The liaison.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Note">Optional note.</param>
public sealed record TaskAcknowledged(Guid IncidentId, string PlanCode, string TaskId, string Agency, string By, DateTimeOffset At, string? Note);

/// <summary>The agency reported progress on the task.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanCode">The plan.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Agency">The agency.</param>
/// <param name="By">The liaison.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Note">What has been done.</param>
public sealed record TaskProgressed(Guid IncidentId, string PlanCode, string TaskId, string Agency, string By, DateTimeOffset At, string Note);

/// <summary>The agency completed the task.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanCode">The plan.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Agency">The agency.</param>
/// <param name="By">The liaison.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Note">Optional note.</param>
public sealed record TaskCompleted(Guid IncidentId, string PlanCode, string TaskId, string Agency, string By, DateTimeOffset At, string? Note);

/// <summary>
/// A task was not completed by its due time and went one step up the chain, as an unacknowledged alert does:
/// level 1 the agency's duty officer, level 2 the agency's head, level 3 the duty office and commanders.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanCode">The plan.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Agency">The agency whose task is overdue.</param>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="EscalatedTo">Who is now being told, in words (e.g. "agency head").</param>
/// <param name="DueAt">The task's due time that was missed (UTC).</param>
/// <param name="StepDueAt">When this step fell due (UTC).</param>
/// <param name="IsExercise">True when this is drill traffic.</param>
public sealed record TaskEscalated(Guid IncidentId, string PlanCode, string TaskId, string Agency, int Level, string EscalatedTo, DateTimeOffset DueAt, DateTimeOffset StepDueAt, bool IsExercise);
