namespace Coordination.Agencies.Contracts.Plans;

/// <summary>What activated a plan on an incident.</summary>
public enum PlanTrigger
{
    /// <summary>The report met the plan's activation criteria.</summary>
    Report,

    /// <summary>An update raised the incident's severity to meet them.</summary>
    SeverityRaised,

    /// <summary>The duty office or a commander activated it by hand.</summary>
    Manual,
}

/// <summary>
/// A plan was activated on an incident: its tasks follow as <see cref="TaskAssigned"/> entries. A plan is activated at
/// most once per incident, at the version in force then; a later change of the plan does not touch it.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanCode">The plan's code.</param>
/// <param name="PlanId">The plan's id (its stream in the log).</param>
/// <param name="PlanVersion">The version of the plan used.</param>
/// <param name="TitleAr">The plan's Arabic title.</param>
/// <param name="TitleEn">The plan's English title.</param>
/// <param name="Trigger">What activated it.</param>
/// <param name="ActivatedBy">Who: "plans" when the incident met its criteria, otherwise the user.</param>
/// <param name="ActivatedAt">When (UTC); its tasks are due from this moment.</param>
/// <param name="Reason">Why, for an activation by hand.</param>
/// <param name="WithheldTasks">
/// Task ids not assigned because their agency is not cleared for this restricted incident (a restricted incident is
/// shown only to the agencies the duty office cleared).
/// </param>
/// <param name="IsExercise">True when this is drill traffic.</param>
public sealed record PlanActivated(
    Guid IncidentId,
    string PlanCode,
    Guid PlanId,
    int PlanVersion,
    string TitleAr,
    string TitleEn,
    PlanTrigger Trigger,
    string ActivatedBy,
    DateTimeOffset ActivatedAt,
    string? Reason,
    IReadOnlyList<string> WithheldTasks,
    bool IsExercise);

/// <summary>A plan was stood down on an incident; its open tasks are closed as stood down.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="PlanCode">The plan's code.</param>
/// <param name="By">Who stood it down.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Reason">Why.</param>
/// <param name="ClosedTasks">The ids of the tasks still open, now closed.</param>
public sealed record PlanStoodDown(Guid IncidentId, string PlanCode, string By, DateTimeOffset At, string Reason, IReadOnlyList<string> ClosedTasks);
