using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// An exercise scenario as a person sends it, to enter or to change (the whole scenario each time), and as a scenario
/// file holds it (export and import are this shape). Fields are nullable so a missing one is named rather than unreadable.
/// </summary>
public sealed record ScenarioRequest(
    string? Code,
    string? TitleAr,
    string? TitleEn,
    string? SummaryAr,
    string? SummaryEn,
    int? DurationMinutes,
    IReadOnlyList<string?>? Participants,
    IReadOnlyList<InjectRequest?>? Injects,
    string? Reason)
{
    /// <summary>The scenario this request describes, under <paramref name="scenarioId"/> (checked first: <see cref="ScenarioChecks"/>).</summary>
    public Scenario ToScenario(Guid scenarioId, bool isSample = false) => new(
        scenarioId,
        Code!,
        TitleAr!.Trim(),
        TitleEn!.Trim(),
        OptionalText.Kept(SummaryAr),
        OptionalText.Kept(SummaryEn),
        DurationMinutes!.Value,
        [.. Participants!.OfType<string>().Distinct(StringComparer.Ordinal)],
        [.. Injects!.OfType<InjectRequest>().Select(i => i.ToInject())],
        isSample);

    /// <summary>A scenario as its file holds it: what a change or an import sends back.</summary>
    public static ScenarioRequest From(Scenario scenario, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new(scenario.Code, scenario.TitleAr, scenario.TitleEn, scenario.SummaryAr, scenario.SummaryEn, scenario.DurationMinutes,
            [.. scenario.Participants], [.. scenario.Injects.Select(InjectRequest.From)], reason);
    }
}

/// <summary>One inject, as sent.</summary>
public sealed record InjectRequest(
    double? AtMinutes,
    InjectKind? Kind,
    string? Incident,
    HazardType? Hazard,
    Severity? Severity,
    string? District,
    string? Municipality,
    string? TitleAr,
    string? TitleEn,
    string? TextAr,
    string? TextEn,
    IReadOnlyList<string?>? Agencies,
    IReadOnlyList<ExpectedActionRequest?>? Expected)
{
    public Inject ToInject() => new(
        AtMinutes!.Value, Kind!.Value, Incident!, Kind == InjectKind.Report ? Hazard : null,
        Kind is InjectKind.Report or InjectKind.Severity ? Severity : null,
        Kind == InjectKind.Report ? District : null, Kind == InjectKind.Report ? OptionalText.Kept(Municipality) : null,
        Kind == InjectKind.Report ? TitleAr!.Trim() : null, Kind == InjectKind.Report ? TitleEn!.Trim() : null,
        OptionalText.Kept(TextAr), OptionalText.Kept(TextEn),
        Kind == InjectKind.Message ? [.. (Agencies ?? []).OfType<string>().Distinct(StringComparer.Ordinal)] : [],
        [.. (Expected ?? []).OfType<ExpectedActionRequest>().Select(e => e.ToAction())]);

    public static InjectRequest From(Inject inject)
    {
        ArgumentNullException.ThrowIfNull(inject);
        return new(inject.AtMinutes, inject.Kind, inject.Incident, inject.Hazard, inject.Severity, inject.District, inject.Municipality,
            inject.TitleAr, inject.TitleEn, inject.TextAr, inject.TextEn, [.. inject.Agencies],
            [.. inject.Expected.Select(e => new ExpectedActionRequest(e.Agency, e.Action, e.WithinMinutes, e.Plan, e.Task))]);
    }
}

/// <summary>One expected action, as sent.</summary>
public sealed record ExpectedActionRequest(string? Agency, ExpectedActionKind? Action, int? WithinMinutes, string? Plan, string? Task)
{
    public ExpectedAction ToAction() => new(
        Agency!, Action!.Value, WithinMinutes!.Value,
        Action is ExpectedActionKind.ActivatePlan or ExpectedActionKind.CompleteTask ? Plan : null,
        Action == ExpectedActionKind.CompleteTask ? Task : null);
}
