using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// An administrator clears a user's failed sign-ins, from every address: no address stays locked out of the account
/// and no attempt is held back. For the user who cannot wait out a lockout, or after an attack on their account.
/// </summary>
public sealed class UnlockUser(DirectoryEntries directory, DirectoryStore store, SignInFailureStore failures) : IUseCase<UnlockUser.Command, DirectoryChanged>
{
    public sealed record Command(string UserName);

    public Policy Policy => Policies.ManageDirectory;

    public async Task<DirectoryChanged> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await store.UserAsync(request.UserName, cancellationToken) is null)
        {
            throw Refuse.NoUser(request.UserName);
        }

        var position = await directory.AppendAsync(caller, Guid.CreateVersion7(), EventTypes.UserUnlocked, new UserUnlocked(DirectoryStore.Key(request.UserName), caller.UserName), cancellationToken);
        await failures.ForgetAsync(request.UserName, cancellationToken);
        return new DirectoryChanged(position);
    }
}
