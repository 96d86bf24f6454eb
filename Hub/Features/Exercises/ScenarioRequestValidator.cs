using Coordination.Dispatch.Agencies;
using Coordination.Hub.Features.Plans;
using FluentValidation;

namespace Coordination.Hub.Features.Exercises;

/// <summary>A new scenario (or an imported scenario file), checked whole (<see cref="ScenarioChecks"/>) against the agencies and the plan library as they stand.</summary>
public sealed class ScenarioRequestValidator : AbstractValidator<ScenarioRequest>
{
    public ScenarioRequestValidator(AgencyDirectory agencies, PlanLog plans)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(plans);
        // Hung on one field, but it checks the whole scenario and names each field itself.
        RuleFor(s => s.Code).CustomAsync(async (_, context, cancellationToken) =>
        {
            var library = (await plans.LatestAsync(cancellationToken)).Select(p => p.Plan).ToArray();
            foreach (var failure in ScenarioChecks.Find(context.InstanceToValidate, agencies, library))
            {
                context.AddFailure(failure);
            }
        });
    }
}
