using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// A controller ends an exercise before its end, with a reason: no inject fires after it. Its incidents stay as they are
/// (marked as the exercise's), for the players to close and the evaluation to read.
/// </summary>
public sealed class AbortExercise(ExerciseControls controls) : IUseCase<AbortExercise.Command, ExerciseView>
{
    public sealed record Command(Guid ExerciseId, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().Says(Invalid.AbortReasonRequired).SafeText(1000, multiline: true, "السبب");
        }
    }

    public Policy Policy => Policies.ControlExercise;

    public Task<ExerciseView> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return controls.ApplyAsync(request.ExerciseId, (state, now) =>
        {
            ExerciseControls.Demand(state, state.IsUnderway, Refuse.AbortAction);
            return Events.Create(Guid.CreateVersion7(), EventTypes.ExerciseAborted,
                new ExerciseAborted(state.ExerciseId, caller.UserName, request.Reason!.Trim(), now, state.MinutesAt(now)), caller, true, state.ExerciseId);
        }, cancellationToken);
    }
}
