using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Exercises;

/// <summary>A scenario as a file: the shape <c>POST /api/scenarios</c> takes in, so a scenario exported from one hub is imported into another as it is.</summary>
public sealed class ExportScenario(ScenarioLog scenarios) : IUseCase<ExportScenario.Query, ScenarioRequest>
{
    public sealed record Query(Guid ScenarioId);

    public Policy Policy => Policies.SeeScenarios;

    public async Task<ScenarioRequest> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = (await scenarios.LatestAsync(cancellationToken)).FirstOrDefault(s => s.Scenario.ScenarioId == request.ScenarioId)
            ?? throw Refuse.NoScenario(request.ScenarioId.ToString());
        return ScenarioRequest.From(current.Scenario);
    }
}
