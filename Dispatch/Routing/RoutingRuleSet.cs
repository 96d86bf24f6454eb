using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;

namespace Coordination.Dispatch.Routing;

/// <summary>A validated set of routing rules and the decision it makes for an incident.</summary>
public sealed class RoutingRuleSet
{
    private readonly AgencyDirectory _agencies;

    private RoutingRuleSet(IReadOnlyList<RoutingRule> rules, AgencyDirectory agencies, IReadOnlyList<string> warnings)
    {
        Rules = rules;
        _agencies = agencies;
        Warnings = warnings;
    }

    public IReadOnlyList<RoutingRule> Rules { get; }

    /// <summary>
    /// Agencies the rules name that the directory does not know (yet). Not an error: an administrator may
    /// add the agency after editing the rules, and until then those agencies are simply not alerted.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Each agency to alert, once, with the first rule (in file order) that chose it.</summary>
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

    /// <summary>Parses and checks a rules file; every problem is named, with the rule it is in.</summary>
    public static RoutingRuleSet Parse(string json, AgencyDirectory agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(json, ContractJson.Options);
        }
        catch (JsonException ex)
        {
            throw new RoutingRulesException($"The routing rules are not valid JSON: {ex.Message}", ex);
        }

        if (file?.Rules is null)
        {
            throw new RoutingRulesException("The routing rules file has no \"rules\" array.");
        }

        var problems = new List<string>();
        var warnings = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in file.Rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Id) || !ids.Add(rule.Id))
            {
                problems.Add($"rule '{rule.Id}': the id is missing or used twice");
            }

            if (rule.Agencies is not { Count: > 0 })
            {
                problems.Add($"rule '{rule.Id}': no agencies");
            }

            warnings.AddRange((rule.Agencies ?? []).Where(a => !agencies.Exists(a)).Select(a => $"rule '{rule.Id}': unknown agency '{a}'"));
            problems.AddRange((rule.Districts ?? []).Where(d => !Districts.IsKnown(d)).Select(d => $"rule '{rule.Id}': unknown district '{d}'"));
        }

        if (problems.Count > 0)
        {
            throw new RoutingRulesException("The routing rules have problems: " + string.Join("; ", problems));
        }

        return new RoutingRuleSet(
            file.Rules.Select(r => r with { Hazards = r.Hazards ?? [], Districts = r.Districts ?? [] }).ToArray(),
            agencies,
            warnings);
    }

    /// <summary>The sample rules shipped with the hub.</summary>
    public static string SampleJson()
    {
        using var stream = typeof(RoutingRuleSet).Assembly.GetManifestResourceStream("routing-rules.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record RulesFile(IReadOnlyList<RoutingRule>? Rules);
}

/// <summary>A routing rules file that cannot be used.</summary>
public sealed class RoutingRulesException : Exception
{
    public RoutingRulesException() { }

    public RoutingRulesException(string message) : base(message) { }

    public RoutingRulesException(string message, Exception inner) : base(message, inner) { }
}
