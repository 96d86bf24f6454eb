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
    /// <summary><c>Status</c> and <c>Hazard</c>: names, written exactly (<see cref="EnumNames"/>).</summary>
    public sealed record Query(string? Status, string? Hazard, string? District, int? Limit);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Status).Must(EnumNames.IsName<IncidentStatus>).Says(s => Invalid.UnknownStatus(s, EnumNames.List<IncidentStatus>())).OverridePropertyName("status");
            RuleFor(q => q.Hazard).Must(EnumNames.IsName<HazardType>).Says(h => Invalid.UnknownHazard(h)).OverridePropertyName("hazard");
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
            new BoardFilter(EnumNames.Parse<IncidentStatus>(request.Status), EnumNames.Parse<HazardType>(request.Hazard), request.District, caller.SeesEverything ? null : caller.Agency, request.Limit ?? ListLimit.Default),
            cancellationToken);
        await audit.RecordAsync(caller, rows.Where(r => r.Classification == Classification.Restricted).Select(r => r.IncidentId), "list");
        return rows;
    }
}
