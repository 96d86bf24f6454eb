using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Exercises;

/// <summary>Enters a new exercise scenario in the library (also how a scenario file is imported): the first entry of its stream.</summary>
public sealed class RecordScenario(ScenarioLog scenarios) : IUseCase<ScenarioRequest, RecordScenario.Saved>
{
    /// <param name="ScenarioId">The scenario's id (derived from its code).</param>
    /// <param name="Version">Its version now.</param>
    /// <param name="Position">The entry's position in the log (0 when nothing was written).</param>
    public sealed record Saved(Guid ScenarioId, int Version, long Position);

    public Policy Policy => Policies.ChangeScenario;

    public async Task<Saved> HandleAsync(Caller caller, ScenarioRequest request, CancellationToken cancellationToken)
    {
        var scenario = ScenarioLog.Decide(request, null, await scenarios.LatestAsync(cancellationToken))!;
        var (version, position) = await scenarios.AppendAsync(caller, scenario, request.Reason, 0, cancellationToken);
        return new Saved(scenario.ScenarioId, version, position);
    }
}
