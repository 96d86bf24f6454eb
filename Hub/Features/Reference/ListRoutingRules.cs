using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Reference;

/// <summary>The routing rules in force: which agencies an incident alerts, by hazard, minimum severity and district.</summary>
public sealed class ListRoutingRules(RoutingRulesProvider rules) : IUseCase<ListRoutingRules.Query, IReadOnlyList<RoutingRule>>
{
    public sealed record Query;

    public Policy Policy => Policies.SignedIn;

    public Task<IReadOnlyList<RoutingRule>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => Task.FromResult(rules.Current.Rules);
}
