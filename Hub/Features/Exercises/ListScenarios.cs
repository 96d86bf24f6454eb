using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Exercises;

/// <summary>The library of exercise scenarios, each at its latest version, by code: for the exercise's controllers, not its players.</summary>
public sealed class ListScenarios(ScenarioLog scenarios) : IUseCase<ListScenarios.Query, ListScenarios.Library>
{
    public sealed record Query;

    /// <param name="Scenarios">Every scenario at its latest version, by code.</param>
    public sealed record Library(IReadOnlyList<ScenarioView> Scenarios);

    public Policy Policy => Policies.SeeScenarios;

    public async Task<Library> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) =>
        new(await scenarios.LatestAsync(cancellationToken));
}
