using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Reference;

/// <summary>The hazards an incident can be reported as, with their names in Arabic and English and their CAP category.</summary>
public sealed class ListHazards : IUseCase<ListHazards.Query, IReadOnlyList<HazardInfo>>
{
    public sealed record Query;

    public Policy Policy => Policies.SignedIn;

    public Task<IReadOnlyList<HazardInfo>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => Task.FromResult(Hazards.All);
}
