using Coordination.Dispatch.Agencies;
using Coordination.Hub.Features.Register;
using FluentValidation;

namespace Coordination.Hub.Features.Plans;

/// <summary>A new plan, checked whole (<see cref="PlanChecks"/>) against the agencies and the register as they stand.</summary>
public sealed class PlanRequestValidator : AbstractValidator<PlanRequest>
{
    public PlanRequestValidator(AgencyDirectory agencies, RegisterLog register)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(register);
        // Hung on one field, but it checks the whole plan and names each field itself.
        RuleFor(p => p.Code).CustomAsync(async (_, context, cancellationToken) =>
        {
            foreach (var failure in PlanChecks.Find(context.InstanceToValidate, agencies, await RiskCodesAsync(register, cancellationToken)))
            {
                context.AddFailure(failure);
            }
        });
    }

    /// <summary>The codes of the register's risks as they stand: what a plan may say it answers.</summary>
    public static async Task<IReadOnlySet<string>> RiskCodesAsync(RegisterLog register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        return (await register.AsOfAsync(null, cancellationToken)).Select(r => r.Risk.Code).ToHashSet(StringComparer.Ordinal);
    }
}
