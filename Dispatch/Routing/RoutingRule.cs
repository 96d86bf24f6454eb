using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Dispatch.Routing;

/// <summary>
/// One routing rule: an incident whose hazard is in <see cref="Hazards"/> (empty = any), whose severity is
/// at least <see cref="MinimumSeverity"/> and whose district is in <see cref="Districts"/> (empty = any)
/// alerts every agency in <see cref="Agencies"/>.
/// </summary>
public sealed record RoutingRule(
    string Id,
    string? Description,
    IReadOnlyList<HazardType> Hazards,
    Severity MinimumSeverity,
    IReadOnlyList<string> Districts,
    IReadOnlyList<string> Agencies)
{
    public bool Matches(HazardType hazard, Severity severity, string district) =>
        (Hazards.Count == 0 || Hazards.Contains(hazard))
        && severity >= MinimumSeverity
        && (Districts.Count == 0 || Districts.Contains(district, StringComparer.Ordinal));
}
