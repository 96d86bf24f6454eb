using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.AgencyBus;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// An administrator takes an agency system's broker identity away: the broker refuses it from then on and closes the
/// connections it had open. Its queue stays and goes on filling, for the identity issued next.
/// </summary>
public sealed class RevokeBusCredentials(AgencySystems systems, DirectoryEntries directory, Coordination.Dispatch.Bus.BusOptions bus) : IUseCase<RevokeBusCredentials.Command, DirectoryChanged>
{
    public sealed record Command(string Agency);

    public Policy Policy => Policies.ManageDirectory;

    public async Task<DirectoryChanged> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var identities = systems.For(request.Agency);
        await AgencySystems.AtBrokerAsync(async () =>
        {
            await identities.RevokeAsync(request.Agency, cancellationToken);
            return true;
        });
        var position = await directory.AppendAsync(caller, Guid.CreateVersion7(), EventTypes.AgencySystemCredentialsRevoked,
            new AgencySystemCredentialsRevoked(request.Agency, BrokerIdentities.UserName(bus.QueuePrefix, request.Agency), caller.UserName), cancellationToken);
        return new DirectoryChanged(position);
    }
}
