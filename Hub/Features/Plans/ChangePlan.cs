using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Register;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// Changes a plan: the whole plan as it should now stand, and why (required). Made from a version another change has since
/// replaced, it is refused (409) rather than silently undoing that change. Activations already running keep the
/// version they were made with.
/// </summary>
public sealed class ChangePlan(PlanLog plans, PlanWriter writer) : IUseCase<ChangePlan.Command, RecordPlan.Saved>
{
    /// <summary>The plan's id, the whole plan as it should stand, and the version the change was made from (the latest when omitted).</summary>
    public sealed record Command(Guid PlanId, PlanRequest? Plan, int? ExpectedVersion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AgencyDirectory agencies, RegisterLog register)
        {
            RuleFor(c => c.Plan).NotNull().Says(Invalid.WholeRequired("plan", "plan", "الخطة"));
            RuleFor(c => c.Plan).CustomAsync(async (plan, context, cancellationToken) =>
            {
                if (plan is null)
                {
                    return;
                }

                foreach (var failure in PlanChecks.Find(plan, agencies, await PlanRequestValidator.RiskCodesAsync(register, cancellationToken), "plan."))
                {
                    context.AddFailure(failure);
                }

                // A plan's history says why each version was made; the first may go without.
                if (string.IsNullOrWhiteSpace(plan.Reason))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("plan.reason", Invalid.PlanChangeReasonRequired.ToString()));
                }
            });
            RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1).Says(Invalid.ExpectedPlanVersion);
        }
    }

    public Policy Policy => Policies.ChangePlan;

    public async Task<RecordPlan.Saved> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = await plans.LatestAsync(cancellationToken);
        var current = all.FirstOrDefault(p => p.Plan.PlanId == request.PlanId) ?? throw Refuse.NoPlan(request.PlanId.ToString());
        // A version beyond the latest is a mistake even when the plan is sent as it stands.
        var expected = MadeFrom.Version(request.ExpectedVersion, current.Version);
        if (PlanWriter.Decide(caller, request.Plan!, current, all, "plan.") is not { } plan)
        {
            // Sent again as it stands: nothing to record.
            return new RecordPlan.Saved(current.Plan.PlanId, current.Version, 0);
        }

        var (version, position) = await writer.WriteAsync(caller, plan, request.Plan!.Reason, expected, cancellationToken);
        return new RecordPlan.Saved(plan.PlanId, version, position);
    }
}
