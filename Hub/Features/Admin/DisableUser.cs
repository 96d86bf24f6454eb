using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>An administrator disables a user: they can no longer sign in, and their refresh tokens stop working.</summary>
public sealed class DisableUser(DirectoryEntries directory, DirectoryStore store, AccountStore accounts) : IUseCase<DisableUser.Command, DirectoryChanged>
{
    public sealed record Command(string UserName);

    public Policy Policy => Policies.ManageDirectory;

    public async Task<DirectoryChanged> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(DirectoryStore.Key(request.UserName), DirectoryStore.Key(caller.UserName), StringComparison.Ordinal))
        {
            throw Refuse.CannotDisableYourself();
        }

        if (await store.UserAsync(request.UserName, cancellationToken) is null)
        {
            throw Refuse.NoUser(request.UserName);
        }

        var position = await directory.AppendAsync(caller, Guid.CreateVersion7(), EventTypes.UserDisabled, new UserDisabled(DirectoryStore.Key(request.UserName), caller.UserName), cancellationToken);
        await accounts.RevokeRefreshTokensAsync(request.UserName, cancellationToken);
        return new DirectoryChanged(position);
    }
}
