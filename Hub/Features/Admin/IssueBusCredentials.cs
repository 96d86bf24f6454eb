using Coordination.Agencies.Contracts.Bus;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.AgencyBus;
using Coordination.Dispatch.Bus;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// An administrator gives an agency's system its own broker identity, or a new password for it (the old one stops
/// working for new connections). The password is answered once and never stored by the hub or written to the log.
/// </summary>
public sealed class IssueBusCredentials(AgencySystems systems, DirectoryEntries directory, BusOptions bus) : IUseCase<IssueBusCredentials.Command, IssueBusCredentials.Credentials>
{
    public sealed record Command(string Agency);

    /// <summary>What the agency's developers configure their subscriber with.</summary>
    public sealed record Credentials(string Agency, string UserName, string Password, string VirtualHost, string Queue, string Commands, string Replies, bool Rotated, long Position);

    public Policy Policy => Policies.ManageDirectory;

    public async Task<Credentials> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var identities = systems.For(request.Agency);
        var (password, rotated) = await AgencySystems.AtBrokerAsync(() => identities.IssueAsync(request.Agency, cancellationToken));
        var userName = BrokerIdentities.UserName(bus.QueuePrefix, request.Agency);
        var position = await directory.AppendAsync(caller, Guid.CreateVersion7(), EventTypes.AgencySystemCredentialsIssued,
            new AgencySystemCredentialsIssued(request.Agency, userName, rotated, caller.UserName), cancellationToken);
        return new Credentials(request.Agency, userName, password, bus.VirtualHost, AgencyQueues.Entries(bus.QueuePrefix, request.Agency),
            AgencyQueues.Commands(bus.QueuePrefix, request.Agency), AgencyQueues.Replies(bus.QueuePrefix, request.Agency), rotated, position);
    }
}
