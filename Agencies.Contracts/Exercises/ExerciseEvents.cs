namespace Coordination.Agencies.Contracts.Exercises;

/// <summary>
/// What an exercise's incident carries of its exercise: which one, and the agencies in play, the only ones its
/// alerts, plans and escalations may reach.
/// </summary>
/// <param name="ExerciseId">The exercise (its stream in the log).</param>
/// <param name="Participants">The agencies in play.</param>
public sealed record ExerciseScope(Guid ExerciseId, IReadOnlyList<string> Participants);

/// <summary>An agency played by the hub's simulated responder rather than by its liaisons.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="AcknowledgeAfterMinutes">Exercise minutes after an alert at which it acknowledges; null: it never does.</param>
public sealed record SimulatedAgency(string Agency, double? AcknowledgeAfterMinutes);

/// <summary>A controller started an exercise: the first entry of its stream.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="ScenarioId">The scenario it plays.</param>
/// <param name="ScenarioCode">The scenario's code.</param>
/// <param name="ScenarioVersion">The scenario's version it plays: later changes of the scenario do not touch it.</param>
/// <param name="TitleAr">The scenario's Arabic title.</param>
/// <param name="TitleEn">The scenario's English title.</param>
/// <param name="Speed">How many exercise minutes pass per real minute (1 to 60).</param>
/// <param name="Participants">The agencies in play.</param>
/// <param name="Simulated">The participants played by the simulated responder.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="StartedAt">When (UTC): T+0.</param>
public sealed record ExerciseStarted(
    Guid ExerciseId,
    Guid ScenarioId,
    string ScenarioCode,
    int ScenarioVersion,
    string TitleAr,
    string TitleEn,
    double Speed,
    IReadOnlyList<string> Participants,
    IReadOnlyList<SimulatedAgency> Simulated,
    string StartedBy,
    DateTimeOffset StartedAt);

/// <summary>A controller paused an exercise: its clock stops until it is resumed.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="By">Who.</param>
/// <param name="At">When (UTC).</param>
/// <param name="ExerciseMinutes">The exercise's clock when it stopped.</param>
public sealed record ExercisePaused(Guid ExerciseId, string By, DateTimeOffset At, double ExerciseMinutes);

/// <summary>A controller resumed a paused exercise.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="By">Who.</param>
/// <param name="At">When (UTC).</param>
/// <param name="ExerciseMinutes">The exercise's clock when it went on.</param>
public sealed record ExerciseResumed(Guid ExerciseId, string By, DateTimeOffset At, double ExerciseMinutes);

/// <summary>A controller ended an exercise before its end: no inject fires after it.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="By">Who.</param>
/// <param name="Reason">Why.</param>
/// <param name="At">When (UTC).</param>
/// <param name="ExerciseMinutes">The exercise's clock when it ended.</param>
public sealed record ExerciseAborted(Guid ExerciseId, string By, string? Reason, DateTimeOffset At, double ExerciseMinutes);

/// <summary>An exercise reached the end of its scenario, every inject fired.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="At">When (UTC).</param>
/// <param name="ExerciseMinutes">The exercise's clock then.</param>
public sealed record ExerciseCompleted(Guid ExerciseId, DateTimeOffset At, double ExerciseMinutes);

/// <summary>
/// An inject fired: what it caused is on its incident's stream, each entry marked with the exercise. Its id derives from
/// the exercise and the inject's number, so a restarted hub or a second one fires each inject once.
/// </summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="Number">The inject's number in the scenario, from 1.</param>
/// <param name="Kind">What it did.</param>
/// <param name="IncidentId">The incident it reported or acted on.</param>
/// <param name="Position">The position of the first entry it caused on that incident; 0 when it was refused.</param>
/// <param name="At">When (UTC).</param>
/// <param name="ExerciseMinutes">The exercise's clock when it fired.</param>
/// <param name="Refused">
/// Why the hub refused what the inject asked (the players had closed its incident, say), in English; null when it
/// went in. A refused inject is not tried again.
/// </param>
public sealed record InjectFired(Guid ExerciseId, int Number, InjectKind Kind, Guid IncidentId, long Position, DateTimeOffset At, double ExerciseMinutes, string? Refused);
