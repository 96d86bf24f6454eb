using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Hub.Auth;

/// <summary>
/// The accounts that can sign in, read from the directory in the database (kept from the log by the
/// projections). Passwords are kept only as ASP.NET Core Identity hashes, outside the log.
/// </summary>
public sealed class UserAccounts(DirectoryStore store)
{
    private static readonly HubUser Nobody = new("", "", Role.Liaison, "");
    private static readonly PasswordHasher<HubUser> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(Nobody, "not-a-password");

    public static string HashPassword(string userName, string password) => Hasher.HashPassword(Nobody with { UserName = userName }, password);

    /// <summary>The user when the name and password match and the account is enabled; null otherwise (without saying which was wrong).</summary>
    public async Task<HubUser?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var row = await store.UserAsync(userName, cancellationToken);
        if (row is null || row.Disabled || row.PasswordHash is null)
        {
            // Hash anyway so an unknown name takes as long as a wrong password.
            Hasher.VerifyHashedPassword(Nobody, DummyHash, password);
            return null;
        }

        var user = ToUser(row);
        var result = Hasher.VerifyHashedPassword(user, row.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.SetPasswordHashAsync(row.UserName, HashPassword(row.UserName, password), cancellationToken);
        }

        return result == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>An enabled user, or null.</summary>
    public async Task<HubUser?> FindAsync(string userName, CancellationToken cancellationToken) =>
        await store.UserAsync(userName, cancellationToken) is { Disabled: false } row ? ToUser(row) : null;

    private static HubUser ToUser(UserRow row) => new(row.UserName, row.DisplayName, Enum.Parse<Role>(row.Role), row.Agency);
}
