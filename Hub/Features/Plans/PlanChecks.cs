using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// What every plan must be, each problem named by its place and field as the JSON names it, e.g.
/// <c>tasks[2].agency</c> or <c>activation.districts[0]</c> (and under <c>plan.</c> in a change), as routing rules
/// are named: the register's risks it answers must exist, agencies and districts must be known, task ids unique.
/// </summary>
public static partial class PlanChecks
{
    public const int MaxTasks = 100;
    public const int MaxChecklistItems = 50;
    public const int MaxDueAfterMinutes = 30 * 24 * 60;

    /// <summary>Every problem with <paramref name="plan"/>, each field named after <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<ValidationFailure> Find(PlanRequest plan, AgencyDirectory agencies, IReadOnlySet<string> riskCodes, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(riskCodes);
        var failures = new List<ValidationFailure>();
        void Add(string field, Text message) => failures.Add(new ValidationFailure(prefix + field, message.ToString().Replace("{PropertyName}", prefix + field, StringComparison.Ordinal)));
        void Text(string field, string? text, Text required, int maxLength, bool multiline, string arabicName)
        {
            if (TextRules.ProblemOf(text, maxLength, multiline, arabicName, required) is { } problem)
            {
                Add(field, problem);
            }
        }

        void Safe(string field, string? text, int maxLength, bool multiline, string arabicName)
        {
            if (TextRules.ProblemOf(text, maxLength, multiline, arabicName) is { } problem)
            {
                Add(field, problem);
            }
        }

        if (plan.Code is null || !Code().IsMatch(plan.Code))
        {
            Add("code", Invalid.PlanCodeShape);
        }

        Text("titleAr", plan.TitleAr, Invalid.RiskTitlesRequired, 200, multiline: false, "العنوان بالعربية");
        Text("titleEn", plan.TitleEn, Invalid.RiskTitlesRequired, 200, multiline: false, "العنوان بالإنجليزية");
        if (string.IsNullOrEmpty(plan.LeadAgency))
        {
            Add("leadAgency", Invalid.LeadAgencyRequired);
        }
        else if (!agencies.Exists(plan.LeadAgency))
        {
            Add("leadAgency", Invalid.UnknownAgency(plan.LeadAgency));
        }

        foreach (var (risk, i) in (plan.Risks ?? []).Select((r, i) => (r, i)).Where(r => r.r is null || !riskCodes.Contains(r.r)))
        {
            Add($"risks[{i}]", Invalid.UnknownRisk(risk));
        }

        if (plan.Activation is not { } activation)
        {
            Add("activation", Invalid.PlanActivationRequired);
        }
        else
        {
            if (activation.Hazards is not { Count: > 0 })
            {
                Add("activation.hazards", Invalid.PlanHazardsRequired);
            }

            if (activation.MinimumSeverity is null)
            {
                Add("activation.minimumSeverity", Invalid.MinimumSeverityRequired);
            }

            foreach (var (district, i) in (activation.Districts ?? []).Select((d, i) => (d, i)).Where(d => !Districts.IsKnown(d.d)))
            {
                Add($"activation.districts[{i}]", Invalid.UnknownDistrict(district));
            }
        }

        foreach (var (agency, i) in (plan.AlsoAlert ?? []).Select((a, i) => (a, i)))
        {
            if (!agencies.Exists(agency))
            {
                Add($"alsoAlert[{i}]", Invalid.UnknownAgency(agency));
            }
            else if (agencies.IsDutyOffice(agency))
            {
                Add($"alsoAlert[{i}]", Invalid.DutyOfficeNotAlerted(agency));
            }
        }

        if (plan.Tasks is not { Count: > 0 and <= MaxTasks })
        {
            Add("tasks", Invalid.PlanTasksRequired);
        }

        var tasks = plan.Tasks?.Take(MaxTasks).ToArray() ?? [];

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Length; i++)
        {
            var at = $"tasks[{i}]";
            if (tasks[i] is not { } task)
            {
                Add(at, Invalid.PlanTaskMissing);
                continue;
            }

            if (task.TaskId is null || !TaskId().IsMatch(task.TaskId))
            {
                Add($"{at}.taskId", Invalid.TaskIdShape);
            }
            else if (!ids.Add(task.TaskId))
            {
                Add($"{at}.taskId", Invalid.TaskIdTwice(task.TaskId));
            }

            if (string.IsNullOrEmpty(task.Agency))
            {
                Add($"{at}.agency", Invalid.AgencyRequired);
            }
            else if (!agencies.Exists(task.Agency))
            {
                Add($"{at}.agency", Invalid.UnknownAgency(task.Agency));
            }
            else if (agencies.IsDutyOffice(task.Agency))
            {
                // Only the owning agency's liaisons progress a task, and the duty office has none: it could only escalate.
                Add($"{at}.agency", Invalid.DutyOfficeNotTasked(task.Agency));
            }

            Text($"{at}.titleAr", task.TitleAr, Invalid.RiskTitlesRequired, 200, multiline: false, "عنوان المهمة بالعربية");
            Text($"{at}.titleEn", task.TitleEn, Invalid.RiskTitlesRequired, 200, multiline: false, "عنوان المهمة بالإنجليزية");
            if (task.DueAfterMinutes is not (>= 1 and <= MaxDueAfterMinutes))
            {
                Add($"{at}.dueAfterMinutes", Invalid.DueAfterMinutes);
            }

            var checklist = task.Checklist ?? [];
            if (checklist.Count > MaxChecklistItems)
            {
                Add($"{at}.checklist", Invalid.ChecklistTexts);
            }

            for (var j = 0; j < Math.Min(checklist.Count, MaxChecklistItems); j++)
            {
                Text($"{at}.checklist[{j}].textAr", checklist[j]?.TextAr, Invalid.ChecklistTexts, 500, multiline: false, "بند قائمة التحقق بالعربية");
                Text($"{at}.checklist[{j}].textEn", checklist[j]?.TextEn, Invalid.ChecklistTexts, 500, multiline: false, "بند قائمة التحقق بالإنجليزية");
            }

            // Counted in the same units agencies declare, so the register can set what plans need against what is held.
            if (!string.IsNullOrEmpty(task.Capability) && !Agencies.Contracts.Capabilities.Capabilities.IsKnown(task.Capability))
            {
                Add($"{at}.capability", Invalid.UnknownCapability(task.Capability));
            }

            if (task.Quantity is { } quantity && (quantity is < 1 or > 100_000 || string.IsNullOrEmpty(task.Capability)))
            {
                Add($"{at}.quantity", Invalid.Quantity);
            }
        }

        Safe("reason", plan.Reason, 1000, multiline: true, "السبب");
        return failures;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,59}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex TaskId();
}
