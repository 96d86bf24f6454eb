using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Exercises;

/// <summary>A controller pauses a running exercise: its clock stops, no inject fires and the simulated responder waits, until it is resumed.</summary>
public sealed class PauseExercise(ExerciseControls controls) : IUseCase<PauseExercise.Command, ExerciseView>
{
    public sealed record Command(Guid ExerciseId);

    public Policy Policy => Policies.ControlExercise;

    public Task<ExerciseView> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return controls.ApplyAsync(request.ExerciseId, (state, now) =>
        {
            ExerciseControls.Demand(state, state.Status == ExerciseStatus.Running, Refuse.PauseAction);
            return Events.Create(Guid.CreateVersion7(), EventTypes.ExercisePaused,
                new ExercisePaused(state.ExerciseId, caller.UserName, now, state.MinutesAt(now)), caller, true, state.ExerciseId);
        }, cancellationToken);
    }
}
