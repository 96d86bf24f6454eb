using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Projections;
using FluentValidation;

namespace Coordination.Hub.Features.Incidents;

/// <summary>The board: incidents newest first, filtered; a liaison sees only those routed to their agency.</summary>
public sealed class ListIncidents(ReadModels readModels, RestrictedAccessAudit audit) : IUseCase<ListIncidents.Query, IReadOnlyList<IncidentBoardRow>>
{
    public sealed record Query(IncidentStatus? Status, HazardType? Hazard, string? District, int? Limit);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.District).Must(d => d is null || Districts.IsKnown(d)).Says(Invalid.UnknownDistrict);
            RuleFor(q => q.Limit).InclusiveBetween(1, ListLimit.Max).Says(Invalid.Limit(ListLimit.Max));
        }
    }

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<IReadOnlyList<IncidentBoardRow>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var rows = await readModels.ListIncidentsAsync(
            new BoardFilter(request.Status, request.Hazard, request.District, caller.SeesEverything ? null : caller.Agency, request.Limit ?? ListLimit.Default),
            cancellationToken);
        await audit.RecordAsync(caller, rows.Where(r => r.Classification == Classification.Restricted).Select(r => r.IncidentId), "list");
        return rows;
    }
}
