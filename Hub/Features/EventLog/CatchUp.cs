using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Hub.Telemetry;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Visibility;
using FluentValidation;

namespace Coordination.Hub.Features.EventLog;

/// <summary>
/// Entries after a position that the caller may see, by the same definition as live pushes and heartbeats, with the
/// caller's own head: the log's for the duty office and commanders, the agency's latest visible position for a liaison.
/// A position beyond that head is refused (409 with <c>headPosition</c>): the log was restored from a backup and
/// ends before what the client holds.
/// </summary>
public sealed class CatchUp(IEventLog log, AgencyView agencyView, ReadModels readModels, RestrictedAccessAudit audit, HubTelemetry telemetry) : IUseCase<CatchUp.Query, CatchUpResponse>
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
        telemetry.CatchUp();
        var (after, limit) = (request.After, request.Limit);
        var logHead = await log.HeadPositionAsync(cancellationToken);

        // An agency is told its own head, the latest position it may see, never the log's: the log's head would
        // tell it how much was happening that it may not see.
        // Read through the log's head or a later one another caller already read it through, and the entries up to it.
        var (until, head) = caller.SeesEverything ? new AgencyHead(logHead, logHead) : await agencyView.HeadAsync(caller.Agency, logHead, cancellationToken);

        // Every position a client is given (an entry, nextAfter, a heartbeat) is at or below its head, and heads
        // only grow, so a position beyond it was not given by this log: it was restored from a backup. Said
        // plainly, rather than answering "nothing new" for ever while the client waits beyond the end. Measured
        // against the caller's own head, so a liaison learns nothing of the log's.
        if (after > head)
        {
            throw Refuse.AfterBeyondHead(after, head);
        }

        var entries = caller.SeesEverything
            ? await log.ReadAfterAsync(after, limit, cancellationToken)
            : await agencyView.ReadAsync(caller.Agency, after, until, limit, cancellationToken);
        var restricted = await readModels.RestrictedAmongAsync(entries.Select(e => e.IncidentId).Where(id => !SystemStreams.IsSystem(id)), cancellationToken);
        await audit.RecordAsync(caller, restricted, "catch-up");

        var nextAfter = entries.Count == limit ? entries[^1].Position : Math.Max(after, head);
        return new CatchUpResponse(entries, nextAfter, head);
    }
}
