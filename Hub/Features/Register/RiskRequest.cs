using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Register;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// A risk as a person sends it, to enter or to change (the whole risk each time, as the register records it), from
/// the API or a row of an imported CSV. Fields are nullable so a missing one is named rather than unreadable.
/// </summary>
public sealed record RiskRequest(
    string? Code,
    HazardType? Hazard,
    RiskTheme? Theme,
    string? TitleAr,
    string? TitleEn,
    string? ScenarioAr,
    string? ScenarioEn,
    IReadOnlyList<string>? Districts,
    int? Likelihood,
    RiskImpacts? Impacts,
    Confidence? Confidence,
    string? LeadAgency,
    IReadOnlyList<string>? SupportingAgencies,
    string? ControlsAr,
    string? ControlsEn,
    IReadOnlyList<string>? Plans,
    DateOnly? NextReview,
    string? Reason,
    Guid? RiskId = null,
    bool? IsSample = null)
{
    // RiskId and IsSample are accepted and ignored, so a risk as read (GET) can be sent back as it is: the id is the
    // URL's (or derived from the code), and only the hub's own sample register is marked sample.
    /// <summary>The risk this request describes, under <paramref name="riskId"/> (validated first).</summary>
    public Risk ToRisk(Guid riskId, bool isSample = false) => new(
        riskId, Code!, Hazard!.Value, Theme!.Value, TitleAr!.Trim(), TitleEn!.Trim(), ScenarioAr!.Trim(), ScenarioEn!.Trim(),
        [.. (Districts ?? []).Distinct(StringComparer.Ordinal)], Likelihood!.Value, Impacts!, Confidence!.Value, LeadAgency!,
        [.. (SupportingAgencies ?? []).Where(a => a != LeadAgency).Distinct(StringComparer.Ordinal)], OptionalText.Kept(ControlsAr), OptionalText.Kept(ControlsEn),
        [.. (Plans ?? []).Distinct(StringComparer.Ordinal)], NextReview!.Value, isSample);

    /// <summary>The request that would enter <paramref name="risk"/> as it stands (an export row read back, a change's start).</summary>
    public static RiskRequest From(Risk risk, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return new(risk.Code, risk.Hazard, risk.Theme, risk.TitleAr, risk.TitleEn, risk.ScenarioAr, risk.ScenarioEn, risk.Districts, risk.Likelihood,
            risk.Impacts, risk.Confidence, risk.LeadAgency, risk.SupportingAgencies, risk.ControlsAr, risk.ControlsEn, risk.Plans, risk.NextReview, reason);
    }
}

/// <summary>What every risk must be, from the API or an import: each bad field named, in the caller's language.</summary>
public sealed partial class RiskRequestValidator : AbstractValidator<RiskRequest>
{
    public RiskRequestValidator(AgencyDirectory agencies, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(r => r.Code).NotEmpty().Says(Invalid.RiskCodeShape).Matches(CodePattern()).Says(Invalid.RiskCodeShape);
        RuleFor(r => r.Hazard).NotNull().Says(Invalid.HazardRequired);
        RuleFor(r => r.Theme).NotNull().Says(Invalid.ThemeRequired);
        RuleFor(r => r.TitleAr).NotEmpty().Says(Invalid.RiskTitlesRequired).SafeText(200, multiline: false, "العنوان بالعربية");
        RuleFor(r => r.TitleEn).NotEmpty().Says(Invalid.RiskTitlesRequired).SafeText(200, multiline: false, "العنوان بالإنجليزية");
        RuleFor(r => r.ScenarioAr).NotEmpty().Says(Invalid.ScenariosRequired).SafeText(4000, multiline: true, "السيناريو بالعربية");
        RuleFor(r => r.ScenarioEn).NotEmpty().Says(Invalid.ScenariosRequired).SafeText(4000, multiline: true, "السيناريو بالإنجليزية");
        RuleForEach(r => r.Districts).Must(Districts.IsKnown).Says(d => Invalid.UnknownDistrict(d));
        RuleFor(r => r.Likelihood).NotNull().Says(Invalid.Likelihood).InclusiveBetween(1, 5).Says(Invalid.Likelihood);
        RuleFor(r => r.Impacts).NotNull().Says(Invalid.ImpactsRequired);
        RuleFor(r => r.Impacts!.Fatalities).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Impacts!.Casualties).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Impacts!.Displacement).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Impacts!.Economic).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Impacts!.EssentialServices).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Impacts!.SocialPsychological).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Impacts!.Environment).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Impacts!.Security).InclusiveBetween(1, 5).Says(Invalid.Impact).When(r => r.Impacts is not null);
        RuleFor(r => r.Confidence).NotNull().Says(Invalid.ConfidenceRequired);
        RuleFor(r => r.LeadAgency).NotEmpty().Says(Invalid.LeadAgencyRequired).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a));
        RuleForEach(r => r.SupportingAgencies).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a));
        RuleFor(r => r.ControlsAr).SafeText(4000, multiline: true, "الضوابط القائمة بالعربية");
        RuleFor(r => r.ControlsEn).SafeText(4000, multiline: true, "الضوابط القائمة بالإنجليزية");
        RuleForEach(r => r.Plans).Matches(CodePattern()).Says(Invalid.RiskCodeShape);
        RuleFor(r => r.NextReview).NotNull().Says(Invalid.NextReviewRequired)
            .Must(d => d is not { } day || (day.Year >= 2000 && day <= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddYears(10))).Says(Invalid.NextReviewRequired);
        RuleFor(r => r.Reason).SafeText(1000, multiline: true, "السبب");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,59}$")]
    private static partial Regex CodePattern();
}
