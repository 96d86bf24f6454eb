using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Accounts;

/// <summary>
/// Reads the directory of agencies and users (projections of its stream in the log) and keeps the users' password
/// hashes, which never enter the log.
/// </summary>
public sealed class DirectoryStore(ISqlDialect dialect)
{
    public async Task<IReadOnlyList<AgencyRow>> AgenciesAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<AgencyRow>(Command(SqlScripts.Accounts.ListAgencies, null, cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<UserRow>> UsersAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return (await connection.QueryAsync<UserRow>(Command(SqlScripts.Accounts.ListUsers, null, cancellationToken))).AsList();
    }

    public async Task<UserRow?> UserAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.QuerySingleOrDefaultAsync<UserRow>(Command(SqlScripts.Accounts.GetUser, new { UserName = Key(userName) }, cancellationToken));
    }

    public async Task SetPasswordHashAsync(string userName, string passwordHash, CancellationToken cancellationToken)
    {
        var parameters = new { UserName = Key(userName), PasswordHash = passwordHash };
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        if (await connection.ExecuteAsync(Command(SqlScripts.Accounts.UpdateCredential, parameters, cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(Command(SqlScripts.Accounts.InsertCredential, parameters, cancellationToken));
        }
    }

    /// <summary>User names are compared without case; they are stored in lower case.</summary>
    public static string Key(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.ToLowerInvariant();
    }

    private static CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
