using System.Security.Cryptography;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Accounts;

/// <summary>One-time refresh tokens (stored hashed), shared by every hub; failed sign-ins are <see cref="SignInFailureStore"/>'s.</summary>
public sealed class AccountStore(ISqlDialect dialect, TimeProvider time)
{
    /// <summary>A new refresh token for the user (returned once; only its hash is stored).</summary>
    public async Task<string> IssueRefreshTokenAsync(string userName, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await connection.ExecuteAsync(Command(SqlScripts.Accounts.InsertRefreshToken, new
        {
            TokenHash = Hash(token),
            UserName = Key(userName),
            ExpiresAt = (time.GetUtcNow() + lifetime).ToUnixTimeMilliseconds(),
        }, cancellationToken));
        return token;
    }

    /// <summary>
    /// Uses a refresh token once; returns its user, or null when it is unknown, expired or already used.
    /// A token used twice means it was copied: every token of that user is revoked.
    /// </summary>
    public async Task<string?> RedeemRefreshTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        await using var connection = dialect.CreateConnection();
        var row = await connection.QuerySingleOrDefaultAsync<RefreshRow>(Command(SqlScripts.Accounts.FindRefreshToken, new { TokenHash = hash }, cancellationToken));
        if (row is null)
        {
            return null;
        }

        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        if (await connection.ExecuteAsync(Command(SqlScripts.Accounts.UseRefreshToken, new { TokenHash = hash, Now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken)) == 1)
        {
            return row.UserName;
        }

        if (row.Used)
        {
            await connection.ExecuteAsync(Command(SqlScripts.Accounts.RevokeRefreshTokens, new { row.UserName }, cancellationToken));
        }

        return null;
    }

    /// <summary>Every refresh token of the user stops working (the account was disabled).</summary>
    public async Task RevokeRefreshTokensAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await connection.ExecuteAsync(Command(SqlScripts.Accounts.RevokeRefreshTokens, new { UserName = Key(userName) }, cancellationToken));
    }

    /// <summary>
    /// Deletes up to <paramref name="limit"/> refresh tokens that have expired, used or not; returns how many. A used
    /// token is kept until then, so that a second use is still seen as a copy and ends the user's session.
    /// </summary>
    public async Task<int> PurgeExpiredRefreshTokensAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(dialect.Scripts.PurgeRefreshTokens, new { Now = time.GetUtcNow().ToUnixTimeMilliseconds(), Limit = limit }, cancellationToken));
    }

    private static string Key(string userName) => userName.ToLowerInvariant();

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);

    private sealed class RefreshRow
    {
        public string UserName { get; set; } = "";
        public bool Used { get; set; }
    }
}
