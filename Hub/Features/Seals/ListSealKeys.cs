using Coordination.Agencies.Contracts.Seals;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Seals;

/// <summary>
/// The hub's public seal keys, for anyone (partners verify exports offline with them): every key that signed a
/// seal, old ones included after a rotation, and the one this hub signs with now. Reads counted per client address.
/// </summary>
public sealed class ListSealKeys(LogSealer sealer) : IUseCase<ListSealKeys.Query, SealKeysResponse>
{
    public sealed record Query(string Address) : IFromAddress
    {
        public string ClientAddress => Address;
    }

    public Policy Policy => Policies.Anyone;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public Task<SealKeysResponse> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => sealer.KeysAsync(cancellationToken);
}
