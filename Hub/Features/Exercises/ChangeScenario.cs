using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// Changes a scenario: the whole scenario as it should now stand, and why (required). Made from a version another change
/// has since replaced, it is refused (409). Exercises already started keep the version they were started with.
/// </summary>
public sealed class ChangeScenario(ScenarioLog scenarios) : IUseCase<ChangeScenario.Command, RecordScenario.Saved>
{
    /// <summary>The scenario's id, the whole scenario as it should stand, and the version the change was made from (the latest when omitted).</summary>
    public sealed record Command(Guid ScenarioId, ScenarioRequest? Scenario, int? ExpectedVersion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AgencyDirectory agencies, PlanLog plans)
        {
            RuleFor(c => c.Scenario).NotNull().Says(Invalid.WholeRequired("scenario", "scenario", "السيناريو"));
            RuleFor(c => c.Scenario).CustomAsync(async (scenario, context, cancellationToken) =>
            {
                if (scenario is null)
                {
                    return;
                }

                var library = (await plans.LatestAsync(cancellationToken)).Select(p => p.Plan).ToArray();
                foreach (var failure in ScenarioChecks.Find(scenario, agencies, library, "scenario."))
                {
                    context.AddFailure(failure);
                }

                // A scenario's history says why each version was made; the first may go without.
                if (string.IsNullOrWhiteSpace(scenario.Reason))
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure("scenario.reason", Invalid.ScenarioChangeReasonRequired.ToString()));
                }
            });
            RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1).Says(Invalid.ExpectedScenarioVersion);
        }
    }

    public Policy Policy => Policies.ChangeScenario;

    public async Task<RecordScenario.Saved> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var all = await scenarios.LatestAsync(cancellationToken);
        var current = all.FirstOrDefault(s => s.Scenario.ScenarioId == request.ScenarioId) ?? throw Refuse.NoScenario(request.ScenarioId.ToString());
        // A version beyond the latest is a mistake even when the scenario is sent as it stands.
        var expected = MadeFrom.Version(request.ExpectedVersion, current.Version);
        if (ScenarioLog.Decide(request.Scenario!, current, all, "scenario.") is not { } scenario)
        {
            // Sent again as it stands: nothing to record.
            return new RecordScenario.Saved(current.Scenario.ScenarioId, current.Version, 0);
        }

        var (version, position) = await scenarios.AppendAsync(caller, scenario, request.Scenario!.Reason, expected, cancellationToken);
        return new RecordScenario.Saved(scenario.ScenarioId, version, position);
    }
}
