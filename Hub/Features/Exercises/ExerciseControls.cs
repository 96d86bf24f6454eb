using Coordination.Hub.Refusals;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Exercises;

/// <summary>What pausing, resuming and aborting share: the exercise read, the control appended, the run screen's view answered.</summary>
public sealed class ExerciseControls(ExerciseLog exercises, ScenarioLog scenarios, ReadModels board, ExerciseWakeUp wakeUp, TimeProvider time)
{
    /// <summary>Appends the control <paramref name="decide"/> makes (refusing one that does not fit where the exercise stands) and answers the exercise after it.</summary>
    public async Task<ExerciseView> ApplyAsync(Guid exerciseId, Func<ExerciseState, DateTimeOffset, Persistence.EventLog.NewEvent> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        var state = await exercises.ControlAsync(exerciseId, s => decide(s, time.GetUtcNow()), cancellationToken);
        // The runner times its next run by the exercises as it last saw them: a resumed one is due again now.
        wakeUp.Wake();
        return await ViewAsync(state, cancellationToken);
    }

    /// <summary>The run screen's view of an exercise.</summary>
    public async Task<ExerciseView> ViewAsync(Guid exerciseId, CancellationToken cancellationToken) =>
        await ViewAsync(await exercises.ReadAsync(exerciseId, cancellationToken) ?? throw Refuse.NoExercise(exerciseId), cancellationToken);

    private async Task<ExerciseView> ViewAsync(ExerciseState state, CancellationToken cancellationToken)
    {
        var scenario = await scenarios.VersionAsync(state.Started.ScenarioId, state.Started.ScenarioVersion, cancellationToken)
            ?? throw Refuse.NoScenario(state.Started.ScenarioCode);
        return await ExerciseView.OfAsync(state, scenario, board, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Refuses (409) a control that does not fit the exercise's status.</summary>
    public static void Demand(ExerciseState state, bool fits, Text action)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!fits)
        {
            throw Refuse.ExerciseIs(state.Status.ToString(), action);
        }
    }
}
