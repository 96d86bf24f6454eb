using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Exercises;

/// <summary>One exercise as its controller's run screen shows it: its clock, where it stands, each inject fired or to come.</summary>
public sealed class GetExercise(ExerciseControls controls) : IUseCase<GetExercise.Query, ExerciseView>
{
    public sealed record Query(Guid ExerciseId);

    public Policy Policy => Policies.SeeScenarios;

    public Task<ExerciseView> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return controls.ViewAsync(request.ExerciseId, cancellationToken);
    }
}
