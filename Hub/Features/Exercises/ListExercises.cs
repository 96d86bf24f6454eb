using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.Exercises;

namespace Coordination.Hub.Features.Exercises;

/// <summary>Every exercise, the latest started first: which scenario, where it stands, how many injects it has fired.</summary>
public sealed class ListExercises(ExerciseStore store) : IUseCase<ListExercises.Query, ListExercises.List>
{
    public sealed record Query;

    /// <param name="Exercises">Every exercise, the latest started first.</param>
    public sealed record List(IReadOnlyList<ExerciseRow> Exercises);

    public Policy Policy => Policies.SeeScenarios;

    public async Task<List> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) =>
        new(await store.ExercisesAsync(cancellationToken));
}
