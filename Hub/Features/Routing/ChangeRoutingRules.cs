using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Routing;

/// <summary>
/// An administrator replaces the routing rules with a new version (the whole set, as exported), saying why. It is
/// an entry on the routing stream; every hub routes by it from the moment it reads it. Made from a version another
/// change has since replaced, it is refused (409) rather than silently undoing that change.
/// </summary>
public sealed class ChangeRoutingRules(RoutingRulesLog stream, RoutingRulesProvider provider) : IUseCase<ChangeRoutingRules.Request, ChangeRoutingRules.Saved>
{
    /// <param name="Rules">The whole new set, in the order rules are applied.</param>
    /// <param name="Reason">Why they change (kept in the history).</param>
    /// <param name="ExpectedVersion">The version the change was made from; the one in force when omitted.</param>
    /// <param name="EventId">Idempotency key: the same change sent twice is stored once.</param>
    public sealed record Request(IReadOnlyList<RoutingRule?>? Rules, string? Reason, int? ExpectedVersion, Guid? EventId);

    /// <param name="Version">The version now in force.</param>
    /// <param name="Position">Its entry's position in the log.</param>
    public sealed record Saved(int Version, long Position);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(r => r.Rules).NotNull().Says(Invalid.RulesRequired).NameEachBadRule(agencies)
                // No rule at all sends every incident to the fallback agencies alone: an empty file, not a decision.
                .Must(r => r is null || r.Count > 0).Says(Invalid.RulesEmpty);
            RuleFor(r => r.Reason).NotEmpty().Says(Invalid.ReasonRequired).SafeText(500, multiline: true, "السبب");
            RuleFor(r => r.ExpectedVersion).GreaterThanOrEqualTo(0).Says(Invalid.ExpectedRulesVersion);
            RuleFor(r => r.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
        }
    }

    public Policy Policy => Policies.ManageDirectory;

    public async Task<Saved> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ExpectedVersion is not { } expected || expected > provider.Current.Version)
        {
            // This hub may not have read a version another hub saved yet (it takes them off the bus, or at its next
            // re-read): "the latest" and "beyond the latest" are the log's, not this hub's memory's.
            await stream.RefreshAsync(cancellationToken);
        }

        var madeFrom = MadeFrom.Version(request.ExpectedVersion, provider.Current.Version);
        try
        {
            var (version, position) = await stream.ChangeAsync(caller, [.. request.Rules!.OfType<RoutingRule>()], request.Reason!.Trim(),
                madeFrom, request.EventId ?? Guid.CreateVersion7(), cancellationToken);
            return new Saved(version, position);
        }
        catch (Persistence.EventLog.ConcurrencyConflictException)
        {
            throw Refuse.RulesChangedMeanwhile(madeFrom);
        }
    }
}
