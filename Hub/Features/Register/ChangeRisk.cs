using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// Changes a risk: the whole risk as it should now stand, and a reason (required when a score moves). Made from a
/// version another change has since replaced, it is refused (409) rather than silently undoing that change.
/// </summary>
public sealed class ChangeRisk(RegisterLog register, RiskWriter writer) : IUseCase<ChangeRisk.Command, RecordRisk.Saved>
{
    /// <summary>The risk's id, the whole risk as it should stand, and the version the change was made from (the latest when omitted).</summary>
    public sealed record Command(Guid RiskId, RiskRequest Risk, int? ExpectedVersion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AgencyDirectory agencies, TimeProvider time)
        {
            RuleFor(c => c.Risk).NotNull().Says(Invalid.WholeRequired("risk", "risk", "الخطر")).SetValidator(new RiskRequestValidator(agencies, time));
            RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1).Says(Invalid.ExpectedRiskVersion);
        }
    }

    public Policy Policy => Policies.ChangeRisk;

    public async Task<RecordRisk.Saved> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = await register.AsOfAsync(null, cancellationToken);
        var current = all.FirstOrDefault(r => r.Risk.RiskId == request.RiskId) ?? throw Refuse.NoRisk(request.RiskId);
        // A version beyond the latest is a mistake even when the risk is sent as it stands.
        var expected = MadeFrom.Version(request.ExpectedVersion, current.Version);
        if (RiskWriter.Decide(caller, request.Risk, current, all, await writer.PlanCodesAsync(cancellationToken), "risk.") is not { } risk)
        {
            // Sent again as it stands: nothing to record.
            return new RecordRisk.Saved(current.Risk.RiskId, current.Version, 0);
        }

        var (version, position) = await writer.WriteAsync(caller, risk, request.Risk.Reason, expected, cancellationToken);
        return new RecordRisk.Saved(risk.RiskId, version, position);
    }
}
