using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>The users, for administrators; never their passwords.</summary>
public sealed class ListUsers(DirectoryStore store) : ListOf<UserRow>(Policies.ManageDirectory, store.UsersAsync);
