using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Register;

/// <summary>One risk of the national register, as it stands at one version (every change records the whole risk).</summary>
/// <param name="RiskId">Its id, also the id of its stream in the log.</param>
/// <param name="Code">A short stable code people and imports use, e.g. <c>flood-derna-dams</c>.</param>
/// <param name="Hazard">The hazard.</param>
/// <param name="Theme">Natural, accident, societal or malicious.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="ScenarioAr">The reasonable worst case, in Arabic.</param>
/// <param name="ScenarioEn">The reasonable worst case, in English.</param>
/// <param name="Districts">The districts it threatens; empty for the whole country.</param>
/// <param name="Likelihood">1 to 5: the chance of the reasonable worst case within 5 years (2 for malicious risks): &lt;0.2%, 0.2-1%, 1-5%, 5-25%, &gt;25%.</param>
/// <param name="Impacts">1 to 5 on each dimension.</param>
/// <param name="Confidence">How sure the scores are.</param>
/// <param name="LeadAgency">The agency that leads on the risk (and whose liaisons may change it).</param>
/// <param name="SupportingAgencies">The agencies that support it.</param>
/// <param name="ControlsAr">Existing controls, in Arabic.</param>
/// <param name="ControlsEn">Existing controls, in English.</param>
/// <param name="Plans">Codes of the contingency plans that answer it.</param>
/// <param name="NextReview">When it must next be reviewed.</param>
/// <param name="IsSample">True for the sample register shipped with the hub, not an official assessment.</param>
public sealed record Risk(
    Guid RiskId,
    string Code,
    HazardType Hazard,
    RiskTheme Theme,
    string TitleAr,
    string TitleEn,
    string ScenarioAr,
    string ScenarioEn,
    IReadOnlyList<string> Districts,
    int Likelihood,
    RiskImpacts Impacts,
    Confidence Confidence,
    string LeadAgency,
    IReadOnlyList<string> SupportingAgencies,
    string? ControlsAr,
    string? ControlsEn,
    IReadOnlyList<string> Plans,
    DateOnly NextReview,
    bool IsSample);

/// <summary>A risk entered in the register (the first entry of its stream).</summary>
/// <param name="Risk">The risk.</param>
/// <param name="By">Who entered it.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="At">When.</param>
public sealed record RiskRecorded(Risk Risk, string By, string? Reason, DateTimeOffset At);

/// <summary>A risk changed: the whole risk as it now stands.</summary>
/// <param name="Risk">The risk after the change.</param>
/// <param name="By">Who changed it.</param>
/// <param name="Reason">Why; required when a score changed.</param>
/// <param name="At">When.</param>
/// <param name="Source">The exercise finding whose accepted proposal made the change; null for a person's own edit.</param>
public sealed record RiskChanged(Risk Risk, string By, string? Reason, DateTimeOffset At, Exercises.ChangeSource? Source = null);
