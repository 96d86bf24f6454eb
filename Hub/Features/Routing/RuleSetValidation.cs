using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Routing;

/// <summary>
/// Checks a proposed rule set (to save, or to preview) and names each problem by the rule's place and field, e.g.
/// <c>rules[2].districts</c>: unknown districts and agencies, duplicate or missing ids, rules that alert nobody.
/// Unknown hazards and severities never get this far: the JSON reader refuses them, naming the field.
/// </summary>
public static class RuleSetValidation
{
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<RoutingRule?>?> NameEachBadRule<T>(this IRuleBuilder<T, IReadOnlyList<RoutingRule?>?> rule, AgencyDirectory agencies) =>
        rule.Custom((rules, context) =>
        {
            foreach (var problem in RoutingRuleSet.Check(rules ?? [], agencies))
            {
                var field = problem.Field.Length == 0 ? $"rules[{problem.Index}]" : $"rules[{problem.Index}].{problem.Field}";
                context.AddFailure(new ValidationFailure(field, MessageFor(problem).ToString()));
            }
        });

    private static Text MessageFor(RuleProblem problem) => problem.Kind switch
    {
        RuleProblemKind.Missing => Invalid.RuleMissing,
        RuleProblemKind.MissingId => Invalid.RuleIdRequired,
        RuleProblemKind.DuplicateId => Invalid.RuleIdUsedTwice(problem.Value),
        RuleProblemKind.NoAgencies => Invalid.RuleNoAgencies,
        RuleProblemKind.UnknownAgency => Invalid.UnknownAgency(problem.Value),
        _ => Invalid.UnknownDistrict(problem.Value),
    };
}
