using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Plans;

/// <summary>Enters a new contingency plan in the library: the first entry of its stream in the log.</summary>
public sealed class RecordPlan(PlanLog plans, PlanWriter writer) : IUseCase<PlanRequest, RecordPlan.Saved>
{
    /// <param name="PlanId">The plan's id (derived from its code).</param>
    /// <param name="Version">Its version now.</param>
    /// <param name="Position">The entry's position in the log.</param>
    public sealed record Saved(Guid PlanId, int Version, long Position);

    public Policy Policy => Policies.ChangePlan;

    public async Task<Saved> HandleAsync(Caller caller, PlanRequest request, CancellationToken cancellationToken)
    {
        var plan = PlanWriter.Decide(caller, request, null, await plans.LatestAsync(cancellationToken))!;
        var (version, position) = await writer.WriteAsync(caller, plan, request.Reason, 0, cancellationToken);
        return new Saved(plan.PlanId, version, position);
    }
}
