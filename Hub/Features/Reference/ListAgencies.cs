using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Reference;

/// <summary>The registered agencies, as this hub knows them now.</summary>
public sealed class ListAgencies(AgencyDirectory agencies) : IUseCase<ListAgencies.Query, IReadOnlyList<Agency>>
{
    public sealed record Query;

    public Policy Policy => Policies.SignedIn;

    public Task<IReadOnlyList<Agency>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => Task.FromResult(agencies.All);
}
