using System.Data.Common;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Leases;

/// <summary>
/// Time-limited leases in the database: at most one holder per name while the lease lasts. A holder renews
/// before it expires; when it dies, another instance claims the lease once it has expired.
/// </summary>
public sealed class LeaseStore(ISqlDialect dialect, TimeProvider time)
{
    /// <summary>Claims or renews the lease for <paramref name="holder"/>; false when someone else holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var parameters = new { Name = name, Holder = holder, Now = now.ToUnixTimeMilliseconds(), ExpiresAt = (now + duration).ToUnixTimeMilliseconds() };
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(SqlScripts.Leases.RenewLease, parameters, cancellationToken: cancellationToken)) == 1)
        {
            return true;
        }

        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(SqlScripts.Leases.ClaimLease, parameters, cancellationToken: cancellationToken)) == 1;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false; // Another instance claimed it at the same moment.
        }
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqlScripts.Leases.ReleaseLease, new { Name = name, Holder = holder }, cancellationToken: cancellationToken));
    }

    /// <summary>Who holds the lease now, or null.</summary>
    public async Task<string?> HolderAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SqlScripts.Leases.LeaseHolder, new { Name = name, Now = time.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }
}
