using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// What every scenario must be. Each problem is named by its field as the JSON names it (<c>injects[2].district</c>,
/// under <c>scenario.</c> in a change) and, for an inject, in words by the inject's number as its author counts them
/// (from 1): "Inject 3, district: ...". Agencies must be known and in play, incidents reported before they are acted
/// on, plans and tasks expected of an agency must be in the library.
/// </summary>
public static partial class ScenarioChecks
{
    public const int MaxInjects = 500;
    public const int MaxDurationMinutes = 7 * 24 * 60;
    public const int MaxWithinMinutes = 24 * 60;

    // The incident's title holds both languages ("Arabic — English"), within a report's 200 characters.
    private const int MaxTitle = 95;

    /// <summary>Every problem with <paramref name="scenario"/>, each field named after <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<ValidationFailure> Find(ScenarioRequest scenario, AgencyDirectory agencies, IReadOnlyList<ContingencyPlan> plans, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(plans);
        var failures = new List<ValidationFailure>();
        var inject = 0;
        var injectPrefix = "";
        void Add(string field, Text message)
        {
            var text = inject == 0 ? message
                : injectPrefix.Length > 0 && field.StartsWith(injectPrefix, StringComparison.Ordinal) ? Invalid.InInject(inject, field[injectPrefix.Length..], message)
                : Invalid.InInject(inject, null, message);
            failures.Add(new ValidationFailure(prefix + field, text.ToString().Replace("{PropertyName}", prefix + field, StringComparison.Ordinal)));
        }

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

        if (scenario.Code is null || !Code().IsMatch(scenario.Code))
        {
            Add("code", Invalid.ScenarioCodeShape);
        }

        Text("titleAr", scenario.TitleAr, Invalid.ScenarioTitlesRequired, 200, multiline: false, "العنوان بالعربية");
        Text("titleEn", scenario.TitleEn, Invalid.ScenarioTitlesRequired, 200, multiline: false, "العنوان بالإنجليزية");
        Safe("summaryAr", scenario.SummaryAr, 2000, multiline: true, "الملخص بالعربية");
        Safe("summaryEn", scenario.SummaryEn, 2000, multiline: true, "الملخص بالإنجليزية");

        var participants = new HashSet<string>(StringComparer.Ordinal);
        if (scenario.Participants is not { Count: > 0 })
        {
            Add("participants", Invalid.ParticipantsRequired);
        }

        foreach (var (agency, i) in (scenario.Participants ?? []).Select((a, i) => (a, i)))
        {
            if (agency is null || !agencies.Exists(agency))
            {
                Add($"participants[{i}]", Invalid.UnknownAgency(agency));
            }
            else if (agencies.IsDutyOffice(agency))
            {
                Add($"participants[{i}]", Invalid.DutyOfficeNotParticipant(agency));
            }
            else
            {
                participants.Add(agency);
            }
        }

        var injects = scenario.Injects ?? [];
        if (injects.Count is 0 or > MaxInjects)
        {
            Add("injects", Invalid.InjectsRequired);
        }

        var lastAt = 0.0;
        foreach (var i in injects.Where(i => i?.AtMinutes is not null))
        {
            lastAt = Math.Max(lastAt, i!.AtMinutes!.Value);
        }

        if (scenario.DurationMinutes is not { } duration || duration < 1 || duration > MaxDurationMinutes || duration < lastAt)
        {
            Add("durationMinutes", Invalid.ScenarioDuration);
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        var previousAt = 0.0;
        for (var i = 0; i < Math.Min(injects.Count, MaxInjects); i++)
        {
            inject = i + 1;
            injectPrefix = $"injects[{i}].";
            var at = $"injects[{i}]";
            if (injects[i] is not { } item)
            {
                Add(at, Invalid.InjectMissing);
                continue;
            }

            if (item.AtMinutes is not { } minutes || minutes < 0 || minutes < previousAt || double.IsNaN(minutes) || minutes > MaxDurationMinutes)
            {
                Add($"{at}.atMinutes", Invalid.InjectTime);
            }
            else
            {
                previousAt = minutes;
            }

            if (item.Incident is null || !IncidentKey().IsMatch(item.Incident))
            {
                Add($"{at}.incident", Invalid.InjectIncidentShape);
            }
            else if (item.Kind == InjectKind.Report && !reported.Add(item.Incident))
            {
                Add($"{at}.incident", Invalid.IncidentReportedTwice(item.Incident));
            }
            else if (item.Kind is not null and not InjectKind.Report && !reported.Contains(item.Incident))
            {
                Add($"{at}.incident", Invalid.IncidentNotReportedYet(item.Incident));
            }

            switch (item.Kind)
            {
                case null:
                    Add($"{at}.kind", Invalid.InjectKindRequired);
                    break;
                case InjectKind.Report:
                    if (item.Hazard is null)
                    {
                        Add($"{at}.hazard", Invalid.HazardRequired);
                    }

                    if (item.Severity is null)
                    {
                        Add($"{at}.severity", Invalid.SeverityRequired);
                    }

                    if (string.IsNullOrEmpty(item.District))
                    {
                        Add($"{at}.district", Invalid.DistrictRequired);
                    }
                    else if (!Districts.IsKnown(item.District))
                    {
                        Add($"{at}.district", Invalid.UnknownDistrict(item.District));
                    }

                    Safe($"{at}.municipality", item.Municipality, 100, multiline: false, "البلدية");
                    Text($"{at}.titleAr", item.TitleAr, Invalid.ScenarioTitlesRequired, MaxTitle, multiline: false, "العنوان بالعربية");
                    Text($"{at}.titleEn", item.TitleEn, Invalid.ScenarioTitlesRequired, MaxTitle, multiline: false, "العنوان بالإنجليزية");
                    Safe($"{at}.textAr", item.TextAr, 1900, multiline: true, "النص بالعربية");
                    Safe($"{at}.textEn", item.TextEn, 1900, multiline: true, "النص بالإنجليزية");
                    break;
                case InjectKind.Severity:
                    if (item.Severity is null)
                    {
                        Add($"{at}.severity", Invalid.SeverityRequired);
                    }

                    goto case InjectKind.Update;
                case InjectKind.Message:
                    if (item.Agencies is not { Count: > 0 })
                    {
                        Add($"{at}.agencies", Invalid.MessageAgenciesRequired);
                    }

                    foreach (var (agency, j) in (item.Agencies ?? []).Select((a, j) => (a, j)))
                    {
                        InPlay($"{at}.agencies[{j}]", agency);
                    }

                    goto case InjectKind.Update;
                case InjectKind.Update:
                    Text($"{at}.textAr", item.TextAr, Invalid.InjectTextsRequired, 1900, multiline: true, "النص بالعربية");
                    Text($"{at}.textEn", item.TextEn, Invalid.InjectTextsRequired, 1900, multiline: true, "النص بالإنجليزية");
                    break;
            }

            foreach (var (expected, j) in (item.Expected ?? []).Select((e, j) => (e, j)))
            {
                var field = $"{at}.expected[{j}]";
                if (expected is null)
                {
                    Add($"{field}.action", Invalid.ExpectedActionRequired);
                    continue;
                }

                InPlay($"{field}.agency", expected.Agency);
                if (expected.WithinMinutes is not (>= 1 and <= MaxWithinMinutes))
                {
                    Add($"{field}.withinMinutes", Invalid.ExpectedWithin);
                }

                if (expected.Action is null)
                {
                    Add($"{field}.action", Invalid.ExpectedActionRequired);
                }
                else if (expected.Action is ExpectedActionKind.ActivatePlan or ExpectedActionKind.CompleteTask)
                {
                    var plan = plans.FirstOrDefault(p => p.Code == expected.Plan);
                    if (string.IsNullOrEmpty(expected.Plan))
                    {
                        Add($"{field}.plan", Invalid.ExpectedPlanRequired);
                    }
                    else if (plan is null)
                    {
                        Add($"{field}.plan", Invalid.UnknownPlan(expected.Plan));
                    }

                    if (expected.Action == ExpectedActionKind.CompleteTask)
                    {
                        if (string.IsNullOrEmpty(expected.Task))
                        {
                            Add($"{field}.task", Invalid.ExpectedTaskRequired);
                        }
                        else if (plan is not null && plan.Tasks.All(t => t.TaskId != expected.Task))
                        {
                            Add($"{field}.task", Invalid.UnknownTask(expected.Plan, expected.Task));
                        }
                    }
                }
            }
        }

        inject = 0;
        injectPrefix = "";
        Safe("reason", scenario.Reason, 1000, multiline: true, "السبب");
        return failures;

        void InPlay(string field, string? agency)
        {
            if (string.IsNullOrEmpty(agency))
            {
                Add(field, Invalid.AgencyRequired);
            }
            else if (!agencies.Exists(agency))
            {
                Add(field, Invalid.UnknownAgency(agency));
            }
            else if (!participants.Contains(agency))
            {
                Add(field, Invalid.NotAParticipant(agency));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,59}$")]
    private static partial Regex Code();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex IncidentKey();
}
