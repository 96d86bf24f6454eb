using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Capabilities;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// The gaps of every risk of the register, for the coordination meeting: the risk with the largest gap of any one
/// capability first (then the higher score); risks whose plans need nothing counted, or that no plan answers, last.
/// </summary>
public sealed class ListGaps(RegisterLog register, PlanLog plans, CapabilityLog capabilities) : IUseCase<ListGaps.Query, IReadOnlyList<RiskGaps>>
{
    public sealed record Query;

    public Policy Policy => Policies.SeeCapabilities;

    public async Task<IReadOnlyList<RiskGaps>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        var library = (await plans.LatestAsync(cancellationToken)).Select(p => p.Plan).ToArray();
        var declarations = await capabilities.LatestAsync(cancellationToken);
        return [.. (await register.AsOfAsync(null, cancellationToken))
            .Select(r => CapabilityGaps.For(r.Risk, r.Risk.Likelihood * r.OverallImpact, library, declarations))
            .OrderByDescending(g => g.LargestGap).ThenByDescending(g => g.Lines.Count > 0).ThenByDescending(g => g.Score).ThenBy(g => g.Code, StringComparer.Ordinal)];
    }
}
