using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using Severity = Coordination.Agencies.Contracts.Reference.Severity;

namespace Coordination.Hub.Features.Routing;

/// <summary>
/// "This incident would alert: ...": who a report would alert, by the rules in force or by a proposed set, without
/// writing anything. The report form asks before sending; the rules editor asks before saving.
/// </summary>
public sealed class PreviewRouting(AlertPlanner planner, RoutingRulesProvider rules, AgencyDirectory agencies) : IUseCase<PreviewRouting.Request, PreviewRouting.Preview>
{
    /// <param name="Hazard">The incident's hazard.</param>
    /// <param name="Severity">Its severity.</param>
    /// <param name="District">Its district code.</param>
    /// <param name="Classification">Public (the default) or Restricted.</param>
    /// <param name="ClearedAgencies">For a restricted incident, the agencies cleared for it (they alone are alerted).</param>
    /// <param name="Rules">A proposed rule set to try instead of the rules in force.</param>
    public sealed record Request(HazardType? Hazard, Severity? Severity, string? District, Classification? Classification, IReadOnlyList<string>? ClearedAgencies, IReadOnlyList<RoutingRule?>? Rules);

    /// <param name="RulesVersion">The version of the rules asked; null for a proposed set.</param>
    /// <param name="Fallback">True when no rule matched and the fallback agencies would be alerted.</param>
    /// <param name="Agencies">Who would be alerted, each with the rule that chose it.</param>
    public sealed record Preview(int? RulesVersion, bool Fallback, IReadOnlyList<Alerted> Agencies);

    /// <param name="Agency">The agency's code.</param>
    /// <param name="NameAr">Its Arabic name.</param>
    /// <param name="NameEn">Its English name.</param>
    /// <param name="RuleId">The rule that chose it, "fallback" or "restricted-clearance".</param>
    public sealed record Alerted(string Agency, string NameAr, string NameEn, string RuleId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(r => r.Hazard).NotNull().Says(Invalid.HazardRequired);
            RuleFor(r => r.Severity).NotNull().Says(Invalid.SeverityRequired);
            RuleFor(r => r.District).NotEmpty().Says(Invalid.DistrictRequired).Must(Districts.IsKnown).Says(d => Invalid.UnknownDistrict(d));
            RuleForEach(r => r.ClearedAgencies).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a))
                .Must(a => !agencies.IsDutyOffice(a)).Says(a => Invalid.DutyOfficeNotAlerted(a));
            RuleFor(r => r.Rules).NameEachBadRule(agencies).Must(r => r!.Count > 0).Says(Invalid.RulesEmpty).When(r => r.Rules is not null);
        }
    }

    public Policy Policy => Policies.PreviewRouting;

    public Task<Preview> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var proposed = request.Rules is { } asked ? RoutingRuleSet.Of(0, [.. asked.OfType<RoutingRule>()], agencies) : null;
        var plan = planner.Plan(request.Hazard!.Value, request.Severity!.Value, request.District!, request.Classification ?? Classification.Public, request.ClearedAgencies ?? [], proposed);
        var alerted = plan.Select(p => agencies.Find(p.Agency) is { } a ? new Alerted(a.Code, a.NameAr, a.NameEn, p.RuleId) : new Alerted(p.Agency, p.Agency, p.Agency, p.RuleId)).ToArray();
        return Task.FromResult(new Preview(proposed is null ? rules.Current.Version : null, plan.Any(p => p.RuleId == AlertPlanner.FallbackRule), alerted));
    }
}
