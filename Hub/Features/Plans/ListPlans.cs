using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Plans;

/// <summary>The library of contingency plans, each at its latest version, by code: a national planning document everyone signed in reads.</summary>
public sealed class ListPlans(PlanLog plans) : IUseCase<ListPlans.Query, ListPlans.Library>
{
    public sealed record Query;

    /// <param name="Plans">Every plan at its latest version, by code.</param>
    public sealed record Library(IReadOnlyList<PlanView> Plans);

    public Policy Policy => Policies.SeePlans;

    public async Task<Library> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) =>
        new(await plans.LatestAsync(cancellationToken));
}
