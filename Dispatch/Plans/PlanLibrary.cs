using System.Collections.Immutable;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.Plans;

namespace Coordination.Dispatch.Plans;

/// <summary>A plan as it stands, with its version: what an activation records.</summary>
public sealed record PlanInForce(ContingencyPlan Plan, int Version);

/// <summary>
/// The contingency plans in force on this hub, in memory, so a report is checked against them without a read: each
/// plan at the latest version this hub has read. It takes a version as soon as it reads it (its own writes at once,
/// another hub's from the bus, and a periodic re-read of the library), and never goes back to an older one, as the
/// routing rules do.
/// </summary>
public sealed class PlanLibrary(PlanStore store)
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<Guid, PlanInForce> _plans = ImmutableDictionary<Guid, PlanInForce>.Empty;

    /// <summary>The plans whose activation criteria an incident of this hazard and severity in this district meets, by code.</summary>
    public IReadOnlyList<PlanInForce> Meeting(HazardType hazard, Severity severity, string district)
    {
        var plans = Volatile.Read(ref _plans);
        return plans.IsEmpty
            ? []
            : [.. plans.Values.Where(p => p.Plan.Activation.IsMetBy(hazard, severity, district)).OrderBy(p => p.Plan.Code, StringComparer.Ordinal)];
    }

    /// <summary>Takes <paramref name="plan"/> at <paramref name="version"/> when it is newer than the one held; returns whether it did.</summary>
    public bool Offer(ContingencyPlan plan, int version)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            if (_plans.TryGetValue(plan.PlanId, out var held) && held.Version >= version)
            {
                return false;
            }

            Volatile.Write(ref _plans, _plans.SetItem(plan.PlanId, new PlanInForce(plan, version)));
            return true;
        }
    }

    /// <summary>Reads the library again and takes every newer version (another hub's change whose page this hub missed).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await store.LatestAsync(cancellationToken))
        {
            Offer(Read(row), row.Version);
        }
    }

    /// <summary>The plan a stored version holds.</summary>
    public static ContingencyPlan Read(PlanVersionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Deserialize<ContingencyPlan>(row.Data, ContractJson.Options) ?? throw new JsonException($"Plan {row.PlanId} version {row.Version} is empty.");
    }
}
