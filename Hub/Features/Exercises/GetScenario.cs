using Coordination.Agencies.Contracts.Exercises;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Exercises;

/// <summary>One scenario as it stands and its history from the log: every version, who made it, when and why.</summary>
public sealed class GetScenario(ScenarioLog scenarios) : IUseCase<GetScenario.Query, GetScenario.Detail>
{
    public sealed record Query(Guid ScenarioId);

    /// <param name="Current">The scenario at its latest version.</param>
    /// <param name="History">Every version, newest first.</param>
    public sealed record Detail(ScenarioView Current, IReadOnlyList<Change> History);

    /// <summary>One version: who made it, when, why, and the scenario then.</summary>
    public sealed record Change(int Version, long Position, string ChangedBy, DateTimeOffset ChangedAt, string? Reason, Scenario Scenario);

    public Policy Policy => Policies.SeeScenarios;

    public async Task<Detail> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var versions = await scenarios.HistoryAsync(request.ScenarioId, cancellationToken);
        if (versions.Count == 0)
        {
            throw Refuse.NoScenario(request.ScenarioId.ToString());
        }

        return new Detail(ScenarioView.From(versions[^1]),
            [.. versions.Reverse().Select(v => new Change(v.Version, v.Position, v.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(v.RecordedAt), v.Reason, ScenarioLog.Read(v)))]);
    }
}
