using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Caller = Coordination.Hub.Auth.Caller;

namespace Coordination.Hub.Features.Auth;

/// <summary>The signed-in caller as the hub sees them: name, role and agency.</summary>
public sealed class WhoAmI : IUseCase<WhoAmI.Query, Caller>
{
    public sealed record Query;

    public Policy Policy => Policies.SignedIn;

    public Task<Caller> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => Task.FromResult(caller);
}
