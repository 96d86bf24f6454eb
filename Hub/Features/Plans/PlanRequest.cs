using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// A contingency plan as a person sends it, to enter or to change (the whole plan each time, as the library records
/// it). Fields are nullable so a missing one is named rather than unreadable.
/// </summary>
public sealed record PlanRequest(
    string? Code,
    string? TitleAr,
    string? TitleEn,
    string? LeadAgency,
    IReadOnlyList<string?>? Risks,
    PlanCriteriaRequest? Activation,
    IReadOnlyList<string?>? AlsoAlert,
    IReadOnlyList<PlanTaskRequest?>? Tasks,
    string? Reason)
{
    /// <summary>The plan this request describes, under <paramref name="planId"/> (checked first: <see cref="PlanChecks"/>).</summary>
    public ContingencyPlan ToPlan(Guid planId, bool isSample = false) => new(
        planId,
        Code!,
        TitleAr!.Trim(),
        TitleEn!.Trim(),
        LeadAgency!,
        [.. (Risks ?? []).OfType<string>().Distinct(StringComparer.Ordinal)],
        new PlanCriteria([.. Activation!.Hazards!.Distinct()], Activation.MinimumSeverity!.Value, [.. (Activation.Districts ?? []).OfType<string>().Distinct(StringComparer.Ordinal)]),
        [.. (AlsoAlert ?? []).OfType<string>().Distinct(StringComparer.Ordinal)],
        [.. Tasks!.OfType<PlanTaskRequest>().Select(t => t.ToTask())],
        isSample);
}

/// <summary>Which reported incidents activate the plan by themselves.</summary>
public sealed record PlanCriteriaRequest(IReadOnlyList<HazardType>? Hazards, Severity? MinimumSeverity, IReadOnlyList<string?>? Districts);

/// <summary>One agency's task, as sent.</summary>
public sealed record PlanTaskRequest(
    string? TaskId,
    string? Agency,
    string? TitleAr,
    string? TitleEn,
    int? DueAfterMinutes,
    IReadOnlyList<ChecklistItemRequest?>? Checklist,
    string? Capability,
    int? Quantity)
{
    public PlanTask ToTask() => new(
        TaskId!, Agency!, TitleAr!.Trim(), TitleEn!.Trim(), DueAfterMinutes!.Value,
        [.. (Checklist ?? []).OfType<ChecklistItemRequest>().Select(c => new ChecklistItem(c.TextAr!.Trim(), c.TextEn!.Trim()))],
        string.IsNullOrEmpty(Capability) ? null : Capability,
        string.IsNullOrEmpty(Capability) ? null : Quantity);
}

/// <summary>One step of a task's checklist, as sent.</summary>
public sealed record ChecklistItemRequest(string? TextAr, string? TextEn);
