using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// The restricted incidents and who is cleared for each, newest report first: what the clearances screen lists.
/// Metadata only (reference, hazard, district, status, when reported, the agencies), never a title or description,
/// so administrators keep clearances without reading incidents. The read is audited like any read of restricted
/// incidents.
/// </summary>
public sealed class ListClearances(ReadModels readModels, RestrictedAccessAudit audit) : IUseCase<ListClearances.Query, IReadOnlyList<ListClearances.Clearance>>
{
    /// <summary>Nothing to ask: every restricted incident.</summary>
    public sealed record Query;

    /// <summary>One restricted incident's clearance; <c>version</c> is the expected version for a change.</summary>
    public sealed record Clearance(Guid IncidentId, string Reference, HazardType Hazard, Severity Severity, string District, IncidentStatus Status,
        bool IsExercise, DateTimeOffset ReportedAt, IReadOnlyList<string> ClearedAgencies, int Version);

    public Policy Policy => Policies.ChangeClearance;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<IReadOnlyList<Clearance>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var restricted = await readModels.ListRestrictedAsync(cancellationToken);
        await audit.RecordAsync(caller, restricted.Select(i => i.IncidentId), "clearances");
        return [.. restricted.Select(i => new Clearance(i.IncidentId, i.Reference, i.Hazard, i.Severity, i.District, i.Status, i.IsExercise, i.ReportedAt, i.ClearedAgencies, i.Version))];
    }
}
