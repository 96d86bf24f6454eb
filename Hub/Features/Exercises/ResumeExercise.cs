using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Exercises;

/// <summary>A controller resumes a paused exercise: its clock goes on from where it stopped.</summary>
public sealed class ResumeExercise(ExerciseControls controls) : IUseCase<ResumeExercise.Command, ExerciseView>
{
    public sealed record Command(Guid ExerciseId);

    public Policy Policy => Policies.ControlExercise;

    public Task<ExerciseView> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return controls.ApplyAsync(request.ExerciseId, (state, now) =>
        {
            ExerciseControls.Demand(state, state.Status == ExerciseStatus.Paused, Refuse.ResumeAction);
            return Events.Create(Guid.CreateVersion7(), EventTypes.ExerciseResumed,
                new ExerciseResumed(state.ExerciseId, caller.UserName, now, state.MinutesAt(now)), caller, true, state.ExerciseId);
        }, cancellationToken);
    }
}
