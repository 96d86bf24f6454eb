using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Register;
using Coordination.Persistence.Register;

namespace Coordination.Hub.Features.Register;

/// <summary>A risk as the register shows it: the risk at one version, its scores, and whether its review is overdue.</summary>
/// <param name="Risk">The risk.</param>
/// <param name="Version">Its version (1 when first entered); send it back as <c>expectedVersion</c> to change it.</param>
/// <param name="OverallImpact">The highest of its impact scores.</param>
/// <param name="ReviewOverdue">True when its next review date has passed (on the day asked).</param>
/// <param name="ChangedBy">Who made this version.</param>
/// <param name="ChangedAt">When.</param>
public sealed record RiskView(Risk Risk, int Version, int OverallImpact, bool ReviewOverdue, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static RiskView From(RiskVersionRow row, DateOnly today) => From(row, Read(row), today);

    /// <summary>The view of <paramref name="risk"/>, already read from <paramref name="row"/>.</summary>
    public static RiskView From(RiskVersionRow row, Risk risk, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(risk);
        return new(risk, row.Version, risk.Impacts.Overall, risk.NextReview < today, row.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt));
    }

    public static Risk Read(RiskVersionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Deserialize<Risk>(row.Data, ContractJson.Options) ?? throw new JsonException($"Risk {row.RiskId} version {row.Version} is empty.");
    }
}
