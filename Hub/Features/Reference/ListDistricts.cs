using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Reference;

/// <summary>Libya's 22 districts, with their Arabic and English names and seats.</summary>
public sealed class ListDistricts : IUseCase<ListDistricts.Query, IReadOnlyList<District>>
{
    public sealed record Query;

    public Policy Policy => Policies.SignedIn;

    public Task<IReadOnlyList<District>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => Task.FromResult(Districts.All);
}
