using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Projections;
using FluentValidation;
using Coordination.Dispatch.Agencies;

namespace Coordination.Hub.Features.Alerts;

/// <summary>An agency's alerts, newest first: the caller's own agency, or (duty office, commanders) any agency's.</summary>
public sealed class ReadInbox(ReadModels readModels, RestrictedAccessAudit audit) : IUseCase<ReadInbox.Query, IReadOnlyList<AlertRow>>
{
    public sealed record Query(string? Agency, int? Limit);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, ListLimit.Max).Says(Invalid.Limit(ListLimit.Max));
            RuleFor(q => q.Agency).Must(a => a is null || agencies.Exists(a)).Says(a => Invalid.UnknownAgency(a)).OverridePropertyName("agency");
        }
    }

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public IReadOnlyList<Policy> AlsoDemands => [Policies.ReadAnyInbox];

    public async Task<IReadOnlyList<AlertRow>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var agency = request.Agency ?? caller.Agency;
        if (agency != caller.Agency)
        {
            AlsoDemands[0].Demand(caller);
        }

        var alerts = await readModels.GetInboxAsync(agency, request.Limit ?? ListLimit.Default, cancellationToken);
        // An alert carries its incident's title: reading a restricted one here is audited like the board.
        await audit.RecordAsync(caller, await readModels.RestrictedAmongAsync(alerts.Select(a => a.IncidentId).Distinct(), cancellationToken), "inbox");
        return alerts;
    }
}
