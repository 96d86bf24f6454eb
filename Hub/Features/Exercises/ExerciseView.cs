using Coordination.Agencies.Contracts.Exercises;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Exercises;

/// <summary>An exercise as its controller's run screen shows it: where it stands, its clock, and each inject, fired or not.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="ScenarioId">The scenario it plays.</param>
/// <param name="ScenarioCode">Its code.</param>
/// <param name="ScenarioVersion">The version it plays.</param>
/// <param name="TitleAr">The scenario's Arabic title.</param>
/// <param name="TitleEn">Its English title.</param>
/// <param name="Status">Running, Paused, Aborted or Completed.</param>
/// <param name="Speed">Exercise minutes per real minute.</param>
/// <param name="ExerciseMinutes">The exercise's clock now (T+ minutes).</param>
/// <param name="DurationMinutes">When it ends on that clock.</param>
/// <param name="Participants">The agencies in play.</param>
/// <param name="Simulated">Those the simulated responder plays.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="StartedAt">When.</param>
/// <param name="EndedAt">When it was aborted or completed.</param>
/// <param name="AbortReason">Why it was aborted.</param>
/// <param name="Version">Its stream's version.</param>
/// <param name="Injects">Every inject of the scenario, in order, with what it did once fired.</param>
public sealed record ExerciseView(
    Guid ExerciseId,
    Guid ScenarioId,
    string ScenarioCode,
    int ScenarioVersion,
    string TitleAr,
    string TitleEn,
    ExerciseStatus Status,
    double Speed,
    double ExerciseMinutes,
    int DurationMinutes,
    IReadOnlyList<string> Participants,
    IReadOnlyList<SimulatedAgency> Simulated,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? AbortReason,
    int Version,
    IReadOnlyList<InjectView> Injects)
{
    /// <summary>The view of <paramref name="exercise"/> at <paramref name="now"/>, reading its incidents' references from the board.</summary>
    public static async Task<ExerciseView> OfAsync(ExerciseState exercise, Scenario scenario, ReadModels board, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(board);
        var references = new Dictionary<Guid, string>();
        foreach (var incidentId in exercise.Fired.Values.Select(f => f.IncidentId).Distinct())
        {
            if (await board.GetIncidentAsync(incidentId, cancellationToken) is { } row)
            {
                references[incidentId] = row.Reference;
            }
        }

        var s = exercise.Started;
        return new ExerciseView(s.ExerciseId, s.ScenarioId, s.ScenarioCode, s.ScenarioVersion, s.TitleAr, s.TitleEn, exercise.Status, s.Speed,
            Math.Round(exercise.MinutesAt(now), 2), scenario.DurationMinutes, s.Participants, s.Simulated, s.StartedBy, s.StartedAt, exercise.EndedAt,
            exercise.AbortReason, exercise.Version,
            [.. scenario.Injects.Select((inject, i) => new InjectView(i + 1, inject,
                exercise.Fired.TryGetValue(i + 1, out var fired) ? fired : null,
                fired is not null && references.TryGetValue(fired.IncidentId, out var reference) ? reference : null))]);
    }
}

/// <summary>One inject of a running exercise.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="Inject">What the scenario says it does.</param>
/// <param name="Fired">What it did, once fired; null before.</param>
/// <param name="Reference">Its incident's reference, once reported.</param>
public sealed record InjectView(int Number, Inject Inject, InjectFired? Fired, string? Reference);
