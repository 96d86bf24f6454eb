using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>The users, for administrators; never their passwords.</summary>
public sealed class ListUsers(DirectoryStore store) : IUseCase<ListUsers.Query, IReadOnlyList<UserRow>>
{
    public sealed record Query;

    public Policy Policy => Policies.ManageDirectory;

    public Task<IReadOnlyList<UserRow>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) => store.UsersAsync(cancellationToken);
}
