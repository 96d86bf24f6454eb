using Coordination.Agencies.Contracts.Plans;
using Coordination.Dispatch.Plans;
using Coordination.Persistence.Plans;

namespace Coordination.Hub.Features.Plans;

/// <summary>A plan as the library shows it: the plan at one version, and who made that version when.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Version">Its version (1 when first entered); send it back as <c>expectedVersion</c> to change it.</param>
/// <param name="ChangedBy">Who made this version.</param>
/// <param name="ChangedAt">When.</param>
public sealed record PlanView(ContingencyPlan Plan, int Version, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static PlanView From(PlanVersionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(PlanLibrary.Read(row), row.Version, row.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt));
    }
}
