using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Register;

/// <summary>Enters a new risk in the register: the first entry of its stream in the log.</summary>
public sealed class RecordRisk(RegisterLog register, RiskWriter writer) : IUseCase<RiskRequest, RecordRisk.Saved>
{
    /// <param name="RiskId">The risk's id (derived from its code).</param>
    /// <param name="Version">Its version now.</param>
    /// <param name="Position">The entry's position in the log.</param>
    public sealed record Saved(Guid RiskId, int Version, long Position);

    public Policy Policy => Policies.ChangeRisk;

    public async Task<Saved> HandleAsync(Caller caller, RiskRequest request, CancellationToken cancellationToken)
    {
        var risk = RiskWriter.Decide(caller, request, null, await register.AsOfAsync(null, cancellationToken), await writer.PlanCodesAsync(cancellationToken))!;
        var (version, position) = await writer.WriteAsync(caller, risk, request.Reason, 0, cancellationToken);
        return new Saved(risk.RiskId, version, position);
    }
}
