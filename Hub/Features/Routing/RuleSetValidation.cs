using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Routing;

/// <summary>
/// Checks a proposed rule set (to save, to preview, or imported at the first start) and names each problem by the
/// rule's place and field, e.g. <c>rules[2].districts</c>: unknown districts and agencies, the duty office as an
/// agency, duplicate, missing or malformed ids, rules that alert nobody, descriptions too long or with hidden
/// characters. Unknown hazards and severities never get this far: the JSON reader refuses them, naming the field.
/// </summary>
public static class RuleSetValidation
{
    public const int MaxDescription = 500;

    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<RoutingRule?>?> NameEachBadRule<T>(this IRuleBuilder<T, IReadOnlyList<RoutingRule?>?> rule, AgencyDirectory agencies) =>
        rule.Custom((rules, context) =>
        {
            foreach (var problem in RoutingRuleSet.Check(rules ?? [], agencies))
            {
                var field = problem.Field.Length == 0 ? $"rules[{problem.Index}]" : $"rules[{problem.Index}].{problem.Field}";
                context.AddFailure(new ValidationFailure(field, MessageFor(problem).ToString()));
            }

            foreach (var (field, message) in TextProblems(rules ?? []))
            {
                context.AddFailure(new ValidationFailure(field, message.ToString().Replace("{PropertyName}", field, StringComparison.Ordinal)));
            }
        });

    /// <summary>
    /// The descriptions' problems, checked as every other text field (<see cref="TextRules"/>): Dispatch's check
    /// knows routing, not what makes a text unsafe to show.
    /// </summary>
    public static IEnumerable<(string Field, Text Message)> TextProblems(IReadOnlyList<RoutingRule?> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        for (var i = 0; i < rules.Count; i++)
        {
            if (TextRules.ProblemOf(rules[i]?.Description, MaxDescription, multiline: false, "وصف القاعدة") is { } problem)
            {
                yield return ($"rules[{i}].description", problem);
            }
        }
    }

    private static Text MessageFor(RuleProblem problem) => problem.Kind switch
    {
        RuleProblemKind.Missing => Invalid.RuleMissing,
        RuleProblemKind.MissingId => Invalid.RuleIdRequired,
        RuleProblemKind.BadId => Invalid.RuleIdShape,
        RuleProblemKind.DuplicateId => Invalid.RuleIdUsedTwice(problem.Value),
        RuleProblemKind.NoAgencies => Invalid.RuleNoAgencies,
        RuleProblemKind.UnknownAgency => Invalid.UnknownAgency(problem.Value),
        RuleProblemKind.DutyOffice => Invalid.DutyOfficeNotAlerted(problem.Value),
        _ => Invalid.UnknownDistrict(problem.Value),
    };
}
