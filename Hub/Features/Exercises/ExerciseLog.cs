using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// The exercises' side of the log: each exercise a stream of its own (its start, its controls, the injects it fired),
/// read back whole and folded (<see cref="ExerciseState"/>), since an exercise's stream stays short.
/// </summary>
public sealed class ExerciseLog(IEventLog log)
{
    /// <summary>How many times a control reads and decides again when the runner (or another control) appended first.</summary>
    internal const int ControlAttempts = 20;

    /// <summary>The exercise as its stream stands; null when there is no such exercise.</summary>
    public async Task<ExerciseState?> ReadAsync(Guid exerciseId, CancellationToken cancellationToken) =>
        ExerciseState.Fold(await log.ReadIncidentAsync(exerciseId, cancellationToken));

    /// <summary>
    /// Appends the control <paramref name="decide"/> makes of the exercise as it stands, at the version read; when the
    /// runner appended meanwhile (an inject fired) it reads and decides again. Returns the exercise after it.
    /// </summary>
    public async Task<ExerciseState> ControlAsync(Guid exerciseId, Func<ExerciseState, NewEvent> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var state = await ReadAsync(exerciseId, cancellationToken) ?? throw Refuse.NoExercise(exerciseId);
            try
            {
                await log.AppendAsync(exerciseId, state.Version, [decide(state)], cancellationToken);
                return (await ReadAsync(exerciseId, cancellationToken))!;
            }
            catch (ConcurrencyConflictException) when (attempt < ControlAttempts)
            {
            }
            catch (ConcurrencyConflictException)
            {
                // Named as the exercise, not as the log's stream (whose generic 409 speaks of an incident).
                throw Refuse.ExerciseChangedMeanwhile(exerciseId);
            }
        }
    }

    /// <summary>
    /// Appends an entry the runner derives (an inject fired, the end reached): its id derives from the exercise and
    /// <paramref name="purpose"/>, so a restarted hub or a second one appends it once.
    /// </summary>
    public async Task<bool> AppendDerivedAsync<T>(Guid exerciseId, string purpose, string type, T data, CancellationToken cancellationToken)
    {
        var entry = Common.Events.Create(DerivedEventId.Create(exerciseId, purpose), type, data, ExerciseCaller.Runner, true, exerciseId);
        var result = await log.AppendAsync(exerciseId, ExpectedVersion.Any, [entry], cancellationToken);
        return !result.WasDuplicate;
    }
}

/// <summary>Who the exercise's own entries are recorded under.</summary>
public static class ExerciseCaller
{
    /// <summary>The runner: injects are reported and posted as the duty office would, attributed to the exercise.</summary>
    public static Caller Runner { get; } = new("exercise", Agencies.Contracts.Reference.Role.Operator, "moi-duty");

    /// <summary>The simulated responder playing <paramref name="agency"/>'s liaison.</summary>
    public static Caller Simulated(string agency) => new("simulated." + agency, Agencies.Contracts.Reference.Role.Liaison, agency);
}
