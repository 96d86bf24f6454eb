using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Capabilities;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Register;

/// <summary>One risk's capability gaps: per capability, what its plans' tasks need, what the agencies hold in its districts and nationally, and the gap (<see cref="CapabilityGaps"/>).</summary>
public sealed class GetRiskGaps(RegisterLog register, PlanLog plans, CapabilityLog capabilities) : IUseCase<GetRiskGaps.Query, RiskGaps>
{
    public sealed record Query(Guid RiskId);

    public Policy Policy => Policies.SeeCapabilities;

    public async Task<RiskGaps> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var risk = (await register.AsOfAsync(null, cancellationToken)).FirstOrDefault(r => r.Risk.RiskId == request.RiskId) ?? throw Refuse.NoRisk(request.RiskId);
        return CapabilityGaps.For(risk.Risk, risk.Risk.Likelihood * risk.OverallImpact,
            [.. (await plans.LatestAsync(cancellationToken)).Select(p => p.Plan)], await capabilities.LatestAsync(cancellationToken));
    }
}
