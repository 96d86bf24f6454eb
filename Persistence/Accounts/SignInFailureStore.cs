using System.Data.Common;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Accounts;

/// <summary>
/// Failed sign-ins, kept in the database so every hub sharing it counts the same: per account and client address,
/// and per account across every address. Any name tried is counted, known or not, so an unknown name goes the
/// same way as a real one and is answered alike. A count whose last failure is older than the memory it is
/// recorded with starts again, and rows older than that are dropped then.
/// </summary>
public sealed class SignInFailureStore(ISqlDialect dialect, TimeProvider time)
{
    // Failures from every address of an account are counted under this one; no client address looks like it.
    private const string Anywhere = "*";

    /// <summary>Where the account's failures stand, across every address and from <paramref name="clientAddress"/>.</summary>
    public async Task<SignInFailures> ReadAsync(string userName, string clientAddress, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        var rows = (await connection.QueryAsync<Row>(Command(SqlScripts.Accounts.GetSignInFailures, Key(userName, clientAddress), cancellationToken))).ToList();
        return new SignInFailures(CountOf(rows, Anywhere), CountOf(rows, clientAddress));
    }

    /// <summary>
    /// Counts one more failure for the account and for <paramref name="clientAddress"/>. A count last moved longer
    /// than <paramref name="memory"/> ago starts again at one, and every name's rows that old are dropped.
    /// </summary>
    public async Task RecordAsync(string userName, string clientAddress, TimeSpan memory, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var forgetBefore = (now - memory).ToUnixTimeMilliseconds();
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var address in new[] { Anywhere, clientAddress })
        {
            var parameters = new { UserName = NameKey(userName), ClientAddress = address, Now = now.ToUnixTimeMilliseconds(), ForgetBefore = forgetBefore };
            await CountAsync(connection, transaction, parameters, cancellationToken);
        }

        // Names nobody has, tried by someone guessing, would otherwise stay for ever.
        await connection.ExecuteAsync(Command(SqlScripts.Accounts.PruneSignInFailures, new { ForgetBefore = forgetBefore }, cancellationToken, transaction));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A successful sign-in from <paramref name="clientAddress"/>: the account's count and that address's start again; other addresses' stay.</summary>
    public async Task ClearAsync(string userName, string clientAddress, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await connection.ExecuteAsync(Command(SqlScripts.Accounts.ClearSignInFailures, Key(userName, clientAddress), cancellationToken));
    }

    /// <summary>Drops every count whose last failure is older than <paramref name="memory"/>, as the next failure would; returns how many.</summary>
    public async Task<int> ForgetOlderThanAsync(TimeSpan memory, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(SqlScripts.Accounts.PruneSignInFailures, new { ForgetBefore = (time.GetUtcNow() - memory).ToUnixTimeMilliseconds() }, cancellationToken));
    }

    /// <summary>Forgets every failure of the account, from every address (an administrator unlocked it).</summary>
    public async Task ForgetAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await connection.ExecuteAsync(Command(SqlScripts.Accounts.ForgetSignInFailures, new { UserName = NameKey(userName) }, cancellationToken));
    }

    private async Task CountAsync(DbConnection connection, DbTransaction transaction, object parameters, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(Command(SqlScripts.Accounts.CountSignInFailure, parameters, cancellationToken, transaction)) > 0)
        {
            return;
        }

        try
        {
            await connection.ExecuteAsync(Command(SqlScripts.Accounts.InsertSignInFailure, parameters, cancellationToken, transaction));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Another hub inserted the same row a moment before: count on it instead.
            await connection.ExecuteAsync(Command(SqlScripts.Accounts.CountSignInFailure, parameters, cancellationToken, transaction));
        }
    }

    private static FailureCount CountOf(List<Row> rows, string clientAddress) =>
        rows.Find(r => r.ClientAddress == clientAddress) is { } row
            ? new FailureCount(row.Failures, DateTimeOffset.FromUnixTimeMilliseconds(row.LastFailedAt))
            : FailureCount.None;

    private static object Key(string userName, string clientAddress) => new { UserName = NameKey(userName), Anywhere, ClientAddress = clientAddress };

    private static string NameKey(string userName) => userName.ToLowerInvariant();

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class Row
    {
        public string ClientAddress { get; set; } = "";
        public int Failures { get; set; }
        public long LastFailedAt { get; set; }
    }
}
