using System.Collections.Frozen;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Auth;

/// <summary>
/// The directory's current word on every account, held in memory so that every command, read and hub call can
/// check its caller without a query: a token stays valid by its signature until it expires, but a user disabled,
/// or given another role or agency, since it was issued must not keep using it. Reloaded when the directory
/// stream moves (on every hub, from the bus) and every few seconds as a safety net.
/// </summary>
public sealed class AccountStates(DirectoryStore store)
{
    private FrozenDictionary<string, UserRow> _users = FrozenDictionary<string, UserRow>.Empty;

    /// <summary>Reads the directory's users again.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var users = await store.UsersAsync(cancellationToken);
        Volatile.Write(ref _users, users.ToFrozenDictionary(u => DirectoryStore.Key(u.UserName), StringComparer.Ordinal));
    }

    /// <summary>True when the directory holds an enabled administrator: without one, nobody can manage users.</summary>
    public bool AnyAdministrator => Volatile.Read(ref _users).Values.Any(u => u is { Role: "Administrator", Disabled: false });

    /// <summary>
    /// False when the directory holds the caller's account and it is disabled or now has another role or agency than
    /// the token says. A name the directory does not hold is a user of an external issuer, whose own directory
    /// decides; a caller without a token is not an account.
    /// </summary>
    public bool IsCurrent(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsSignedIn || !Volatile.Read(ref _users).TryGetValue(DirectoryStore.Key(caller.UserName), out var row))
        {
            return true;
        }

        return !row.Disabled
            && string.Equals(row.Role, caller.Role.ToString(), StringComparison.Ordinal)
            && string.Equals(row.Agency, caller.Agency, StringComparison.Ordinal);
    }
}
