using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;

namespace Coordination.Dispatch.Routing;

/// <summary>One version of the routing rules, checked, and the decision it makes for an incident.</summary>
public sealed partial class RoutingRuleSet
{
    private readonly AgencyDirectory _agencies;

    private RoutingRuleSet(int version, IReadOnlyList<RoutingRule> rules, AgencyDirectory agencies)
    {
        Version = version;
        Rules = rules;
        _agencies = agencies;
    }

    /// <summary>The version on the routing stream (0 before the first rules are in the log).</summary>
    public int Version { get; }

    public IReadOnlyList<RoutingRule> Rules { get; }

    /// <summary>No rules yet: every incident goes to the fallback.</summary>
    public static RoutingRuleSet None(AgencyDirectory agencies) => new(0, [], agencies);

    /// <summary>A version of the rules, as stored (they were checked when they were changed).</summary>
    public static RoutingRuleSet Of(int version, IReadOnlyList<RoutingRule> rules, AgencyDirectory agencies)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(version, rules.Select(r => r with { Hazards = r.Hazards ?? [], Districts = r.Districts ?? [], Agencies = r.Agencies ?? [] }).ToArray(), agencies);
    }

    /// <summary>Each agency to alert, once, with the first rule (in order) that chose it; empty when no rule matches.</summary>
    public IReadOnlyList<(string Agency, string RuleId)> Route(HazardType hazard, Severity severity, string district)
    {
        var chosen = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in Rules.Where(r => r.Matches(hazard, severity, district)))
        {
            // Checked against the directory as it is now, which administrators change while the hub runs.
            chosen.AddRange(rule.Agencies.Where(a => _agencies.Exists(a) && seen.Add(a)).Select(a => (a, rule.Id)));
        }

        return chosen;
    }

    /// <summary>Every problem of a proposed set, each with the rule it is in; empty when the set can be used.</summary>
    /// <remarks>
    /// No hazards (empty or null) is every hazard, as no districts is the whole country: the sample's any-extreme rule
    /// is one. The description is free text, checked by the hub with its other text fields.
    /// </remarks>
    public static IReadOnlyList<RuleProblem> Check(IReadOnlyList<RoutingRule?> rules, AgencyDirectory agencies)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(agencies);
        var problems = new List<RuleProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule)
            {
                problems.Add(new(i, null, "", RuleProblemKind.Missing));
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                problems.Add(new(i, null, "id", RuleProblemKind.MissingId));
            }
            else if (!Code().IsMatch(rule.Id))
            {
                problems.Add(new(i, rule.Id, "id", RuleProblemKind.BadId, rule.Id));
            }
            else if (!ids.Add(rule.Id))
            {
                problems.Add(new(i, rule.Id, "id", RuleProblemKind.DuplicateId, rule.Id));
            }

            if (rule.Agencies is not { Count: > 0 })
            {
                problems.Add(new(i, rule.Id, "agencies", RuleProblemKind.NoAgencies));
            }

            problems.AddRange((rule.Agencies ?? []).Where(a => !agencies.Exists(a)).Select(a => new RuleProblem(i, rule.Id, "agencies", RuleProblemKind.UnknownAgency, a)));
            problems.AddRange((rule.Agencies ?? []).Where(agencies.IsDutyOffice).Select(a => new RuleProblem(i, rule.Id, "agencies", RuleProblemKind.DutyOffice, a)));
            problems.AddRange((rule.Districts ?? []).Where(d => !Districts.IsKnown(d)).Select(d => new RuleProblem(i, rule.Id, "districts", RuleProblemKind.UnknownDistrict, d)));
        }

        return problems;
    }

    /// <summary>
    /// Reads a rules file (<c>{"rules": [...]}</c>), the format of import and export, and checks it; every problem is
    /// named. Agencies the directory does not hold yet are not refused here but returned, described, for the caller
    /// to report: a file imported with a deployment may name agencies registered after it.
    /// </summary>
    public static (IReadOnlyList<RoutingRule> Rules, IReadOnlyList<string> UnknownAgencies) ParseFile(string json, AgencyDirectory agencies)
    {
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(json, ContractJson.Options);
        }
        catch (JsonException ex)
        {
            // Valid JSON with a rule's member left out is refused here too (each is required): say it of the rules.
            throw new RoutingRulesException(ContractJson.MissingMembers(ex).Count > 0
                ? $"The routing rules have a rule with a member left out at {ex.Path} (id, hazards, minimumSeverity, districts and agencies are each required, hazards and districts even empty): {ex.Message}"
                : $"The routing rules are not valid JSON: {ex.Message}", ex);
        }

        if (file?.Rules is null)
        {
            throw new RoutingRulesException("The routing rules file has no \"rules\" array.");
        }

        if (file.Rules.Count == 0)
        {
            throw new RoutingRulesException("The routing rules file has no rule: every incident would alert the fallback agencies alone.");
        }

        var all = Check(file.Rules, agencies);
        var problems = all.Where(p => p.Kind != RuleProblemKind.UnknownAgency).ToArray();
        if (problems.Length > 0)
        {
            throw new RoutingRulesException("The routing rules have problems: " + string.Join("; ", problems.Select(Describe)));
        }

        return (Of(0, file.Rules!, agencies).Rules, [.. all.Where(p => p.Kind == RuleProblemKind.UnknownAgency).Select(Describe)]);
    }

    /// <summary>A problem in plain English, for logs and the import at start.</summary>
    public static string Describe(RuleProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var rule = $"rule {problem.Index + 1} ('{problem.RuleId}')";
        return problem.Kind switch
        {
            RuleProblemKind.Missing => $"rule {problem.Index + 1}: empty",
            RuleProblemKind.MissingId => $"{rule}: the id is missing",
            RuleProblemKind.BadId => $"{rule}: the id must be 3 to 60 lower-case letters, digits or hyphens",
            RuleProblemKind.DuplicateId => $"{rule}: the id is used twice",
            RuleProblemKind.NoAgencies => $"{rule}: no agencies",
            RuleProblemKind.UnknownAgency => $"{rule}: unknown agency '{problem.Value}'",
            RuleProblemKind.DutyOffice => $"{rule}: '{problem.Value}' is the duty office, which has no liaison to acknowledge an alert",
            _ => $"{rule}: unknown district '{problem.Value}'",
        };
    }

    /// <summary>The sample rules shipped with the hub.</summary>
    public static string SampleJson()
    {
        using var stream = typeof(RoutingRuleSet).Assembly.GetManifestResourceStream("routing-rules.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record RulesFile(IReadOnlyList<RoutingRule?>? Rules);

    // The same shape as plan, risk and scenario codes.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,59}$")]
    private static partial Regex Code();
}

/// <summary>A routing rules file that cannot be used.</summary>
public sealed class RoutingRulesException : Exception
{
    public RoutingRulesException() { }

    public RoutingRulesException(string message) : base(message) { }

    public RoutingRulesException(string message, Exception inner) : base(message, inner) { }
}
