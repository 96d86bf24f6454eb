using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Plans;

/// <summary>
/// One contingency plan of the library, as it stands at one version (every change records the whole plan): what
/// incident it answers, who must do what when it is activated, and by when.
/// </summary>
/// <param name="PlanId">Its id, also the id of its stream in the log (derived from its code).</param>
/// <param name="Code">A short stable code people use, e.g. <c>flood-derna</c>; the register's risks name plans by it.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="LeadAgency">The agency that owns the plan (and whose liaisons may change it).</param>
/// <param name="Risks">Codes of the register's risks it answers.</param>
/// <param name="Activation">Which reported incidents activate it by themselves.</param>
/// <param name="AlsoAlert">Agencies alerted when it activates, beyond those the routing rules alert.</param>
/// <param name="Tasks">What each agency must do once it is activated.</param>
/// <param name="IsSample">True for the sample plan shipped with the hub, not an official plan.</param>
public sealed record ContingencyPlan(
    Guid PlanId,
    string Code,
    string TitleAr,
    string TitleEn,
    string LeadAgency,
    IReadOnlyList<string> Risks,
    PlanCriteria Activation,
    IReadOnlyList<string> AlsoAlert,
    IReadOnlyList<PlanTask> Tasks,
    bool IsSample);

/// <summary>The incidents a plan activates for by itself: every condition must hold.</summary>
/// <param name="Hazards">The incident's hazard is one of these (at least one).</param>
/// <param name="MinimumSeverity">The incident is at least this severe.</param>
/// <param name="Districts">The incident is in one of these districts; empty for the whole country.</param>
public sealed record PlanCriteria(IReadOnlyList<HazardType> Hazards, Severity MinimumSeverity, IReadOnlyList<string> Districts)
{
    /// <summary>True when an incident of this hazard and severity, in this district, meets every condition.</summary>
    public bool IsMetBy(HazardType hazard, Severity severity, string district) =>
        Hazards.Contains(hazard) && severity >= MinimumSeverity && (Districts.Count == 0 || Districts.Contains(district));
}

/// <summary>One agency's task in a plan.</summary>
/// <param name="TaskId">Its id, unique in the plan, e.g. <c>cd-swift-water-rescue</c>.</param>
/// <param name="Agency">The agency that must do it.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="DueAfterMinutes">Minutes after the plan's activation by which it must be done.</param>
/// <param name="Checklist">The steps it takes, in both languages.</param>
/// <param name="Capability">The capability it needs, e.g. <c>swift-water-rescue-team</c>; null when none in particular.</param>
/// <param name="Quantity">How many of that capability; null without a capability.</param>
public sealed record PlanTask(
    string TaskId,
    string Agency,
    string TitleAr,
    string TitleEn,
    int DueAfterMinutes,
    IReadOnlyList<ChecklistItem> Checklist,
    string? Capability,
    int? Quantity);

/// <summary>One step of a task's checklist.</summary>
/// <param name="TextAr">In Arabic.</param>
/// <param name="TextEn">In English.</param>
public sealed record ChecklistItem(string TextAr, string TextEn);

/// <summary>A plan entered in the library (the first entry of its stream).</summary>
/// <param name="Plan">The plan.</param>
/// <param name="By">Who entered it.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="At">When.</param>
public sealed record PlanRecorded(ContingencyPlan Plan, string By, string? Reason, DateTimeOffset At);

/// <summary>A plan changed: the whole plan as it now stands. Activations already running keep the version they used.</summary>
/// <param name="Plan">The plan after the change.</param>
/// <param name="By">Who changed it.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record PlanChanged(ContingencyPlan Plan, string By, string? Reason, DateTimeOffset At);
