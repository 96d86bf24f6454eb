using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Visibility;
using FluentValidation;

namespace Coordination.Hub.Features.EventLog;

/// <summary>
/// Entries after a position that the caller may see, by the same definition as live pushes and heartbeats, with the
/// caller's own head: the log's for the duty office and commanders, the agency's latest visible position for a liaison.
/// </summary>
public sealed class CatchUp(IEventLog log, AgencyView agencyView, ReadModels readModels, RestrictedAccessAudit audit) : IUseCase<CatchUp.Query, CatchUpResponse>
{
    public const int DefaultLimit = 500;

    public sealed record Query(long After, int Limit);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.After).GreaterThanOrEqualTo(0).Says(after => Invalid.After(after));
            RuleFor(q => q.Limit).InclusiveBetween(1, ListLimit.Max).Says(Invalid.Limit(ListLimit.Max));
        }
    }

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<CatchUpResponse> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var (after, limit) = (request.After, request.Limit);
        var head = await log.HeadPositionAsync(cancellationToken);
        var entries = caller.SeesEverything
            ? await log.ReadAfterAsync(after, limit, cancellationToken)
            : await agencyView.ReadAsync(caller.Agency, after, head, limit, cancellationToken);
        var restricted = await readModels.RestrictedAmongAsync(entries.Select(e => e.IncidentId).Where(id => !SystemStreams.IsSystem(id)), cancellationToken);
        await audit.RecordAsync(caller, restricted, "catch-up");

        // An agency is told its own head, the latest position it may see, never the log's: the log's head would
        // tell it how much was happening that it may not see.
        if (!caller.SeesEverything)
        {
            head = await agencyView.PreviousPositionAsync(caller.Agency, head + 1, cancellationToken);
        }

        var nextAfter = entries.Count == limit ? entries[^1].Position : Math.Max(after, head);
        return new CatchUpResponse(entries, nextAfter, head);
    }
}
