using System.Text.Json.Serialization;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Routing;

/// <summary>
/// One routing rule: an incident whose hazard is in <see cref="Hazards"/> (empty = any), whose severity is
/// at least <see cref="MinimumSeverity"/> and whose district is in <see cref="Districts"/> (empty = any)
/// alerts every agency in <see cref="Agencies"/>.
/// </summary>
/// <param name="Id">Unique within the rule set; named on each alert it raised.</param>
/// <param name="Description">What the rule is for, for the people who keep it.</param>
/// <param name="Hazards">The hazards it covers; empty for every hazard.</param>
/// <param name="MinimumSeverity">The least severity it applies to.</param>
/// <param name="Districts">District codes it covers; empty for the whole country.</param>
/// <param name="Agencies">Agency codes to alert; at least one.</param>
/// <remarks>
/// Every member but the description must be sent, hazards and districts even empty: left out, each would read as "any"
/// (a missing severity as Unknown, the lowest), so a rule sent incomplete would alert on more than its author meant.
/// </remarks>
public sealed record RoutingRule(
    [property: JsonRequired] string Id,
    string? Description,
    [property: JsonRequired] IReadOnlyList<HazardType> Hazards,
    [property: JsonRequired] Severity MinimumSeverity,
    [property: JsonRequired] IReadOnlyList<string> Districts,
    [property: JsonRequired] IReadOnlyList<string> Agencies)
{
    /// <summary>True when an incident of this hazard, severity and district falls under the rule.</summary>
    /// <param name="hazard">The incident's hazard.</param>
    /// <param name="severity">The incident's severity.</param>
    /// <param name="district">The incident's district code.</param>
    /// <returns>Whether the rule applies.</returns>
    public bool Matches(HazardType hazard, Severity severity, string district) =>
        (Hazards.Count == 0 || Hazards.Contains(hazard))
        && severity >= MinimumSeverity
        && (Districts.Count == 0 || Districts.Contains(district, StringComparer.Ordinal));
}
