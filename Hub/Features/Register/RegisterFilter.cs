using Coordination.Agencies.Contracts.Register;

namespace Coordination.Hub.Features.Register;

/// <summary>Which risks a register view shows: by theme, by agency (leading or supporting) and by district (a national risk is in every district).</summary>
public sealed record RegisterFilter(RiskTheme? Theme, string? Agency, string? District)
{
    public bool Keeps(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return (Theme is not { } theme || risk.Theme == theme)
            && (Agency is not { } agency || risk.LeadAgency == agency || risk.SupportingAgencies.Contains(agency, StringComparer.Ordinal))
            && (District is not { } district || risk.Districts.Count == 0 || risk.Districts.Contains(district, StringComparer.Ordinal));
    }
}
