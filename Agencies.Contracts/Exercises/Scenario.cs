using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Exercises;

/// <summary>
/// An exercise scenario at one version (every change records the whole scenario): a master list of timed injects, as in
/// HSEEP's MSEL, each with the actions expected of the agencies in play. Injects are numbered by their place, from 1.
/// </summary>
/// <param name="ScenarioId">Its id, also the id of its stream in the log (derived from its code).</param>
/// <param name="Code">A short stable code, e.g. <c>medicane-derna</c>.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="SummaryAr">What the exercise is about, in Arabic.</param>
/// <param name="SummaryEn">The same in English.</param>
/// <param name="DurationMinutes">How long the exercise runs, in exercise minutes from T+0; at least the last inject's time.</param>
/// <param name="Participants">The agencies in play: the only ones its incidents may alert.</param>
/// <param name="Injects">The injects, in the order of their times.</param>
/// <param name="IsSample">True for the sample scenarios shipped with the hub, not an official exercise.</param>
public sealed record Scenario(
    Guid ScenarioId,
    string Code,
    string TitleAr,
    string TitleEn,
    string? SummaryAr,
    string? SummaryEn,
    int DurationMinutes,
    IReadOnlyList<string> Participants,
    IReadOnlyList<Inject> Injects,
    bool IsSample);

/// <summary>What an inject does when it fires.</summary>
public enum InjectKind
{
    /// <summary>Reports a new incident of the exercise (the first inject naming it).</summary>
    Report,

    /// <summary>Posts an update to one of the exercise's incidents.</summary>
    Update,

    /// <summary>Changes an exercise incident's severity (with the update's text).</summary>
    Severity,

    /// <summary>Brings a message on an exercise incident to named agencies, alerting those not yet alerted.</summary>
    Message,
}

/// <summary>
/// One timed inject. Which fields it needs follows from its <see cref="Kind"/>: a report needs the hazard, severity,
/// district and titles; an update its texts; a severity change the severity; a message its agencies and texts.
/// </summary>
/// <param name="AtMinutes">When it fires, in exercise minutes after T+0 (speed and pauses taken into account).</param>
/// <param name="Kind">What it does.</param>
/// <param name="Incident">The scenario's own key for the incident it reports or acts on, e.g. <c>dam-failure</c>.</param>
/// <param name="Hazard">For a report: the hazard.</param>
/// <param name="Severity">For a report or a severity change: the severity.</param>
/// <param name="District">For a report: the district code.</param>
/// <param name="Municipality">For a report: the municipality, optional.</param>
/// <param name="TitleAr">For a report: the Arabic title.</param>
/// <param name="TitleEn">For a report: the English title.</param>
/// <param name="TextAr">The report's description, the update's or message's text, in Arabic.</param>
/// <param name="TextEn">The same in English.</param>
/// <param name="Agencies">For a message: the agencies it goes to.</param>
/// <param name="Expected">What the agencies are expected to do in answer, for the evaluation.</param>
public sealed record Inject(
    double AtMinutes,
    InjectKind Kind,
    string Incident,
    HazardType? Hazard,
    Severity? Severity,
    string? District,
    string? Municipality,
    string? TitleAr,
    string? TitleEn,
    string? TextAr,
    string? TextEn,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<ExpectedAction> Expected);

/// <summary>What an agency is expected to do in answer to an inject.</summary>
public enum ExpectedActionKind
{
    /// <summary>Acknowledge its alert on the inject's incident.</summary>
    Acknowledge,

    /// <summary>See that a contingency plan is activated on the incident.</summary>
    ActivatePlan,

    /// <summary>Complete a plan's task on the incident.</summary>
    CompleteTask,
}

/// <summary>One expected action: who, what, and by when.</summary>
/// <param name="Agency">The agency expected to act.</param>
/// <param name="Action">What it is expected to do.</param>
/// <param name="WithinMinutes">Exercise minutes after the inject fires by which it should be done.</param>
/// <param name="Plan">The plan's code, for <see cref="ExpectedActionKind.ActivatePlan"/> and <see cref="ExpectedActionKind.CompleteTask"/>.</param>
/// <param name="Task">The task's id in that plan, for <see cref="ExpectedActionKind.CompleteTask"/>.</param>
public sealed record ExpectedAction(string Agency, ExpectedActionKind Action, int WithinMinutes, string? Plan, string? Task);

/// <summary>A scenario entered in the library (the first entry of its stream).</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="By">Who entered it.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="At">When.</param>
public sealed record ScenarioRecorded(Scenario Scenario, string By, string? Reason, DateTimeOffset At);

/// <summary>A scenario changed: the whole scenario as it now stands. Exercises already started keep the version they began with.</summary>
/// <param name="Scenario">The scenario after the change.</param>
/// <param name="By">Who changed it.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When.</param>
public sealed record ScenarioChanged(Scenario Scenario, string By, string? Reason, DateTimeOffset At);
