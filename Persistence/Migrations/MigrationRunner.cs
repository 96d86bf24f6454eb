using Coordination.Persistence.Dialects;
using Dapper;

namespace Coordination.Persistence.Migrations;

/// <summary>
/// Applies the embedded scripts under Migrations/&lt;dialect&gt;/ (<see cref="Scripts.DialectScripts.Migrations"/>) that
/// the database has not recorded in schema_versions, each in its own transaction, in version order. A second run
/// applies nothing.
/// </summary>
public sealed class MigrationRunner(ISqlDialect dialect, TimeProvider time)
{
    /// <summary>
    /// The migrations the database has not recorded, read without changing anything (for a login that may not):
    /// all of them when it has no schema_versions table yet.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        DapperSetup.EnsureConfigured();
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        HashSet<int> applied;
        try
        {
            applied = (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_versions", cancellationToken: cancellationToken))).ToHashSet();
        }
        catch (System.Data.Common.DbException)
        {
            applied = [];
        }

        return [.. dialect.Scripts.Migrations.Where(m => !applied.Contains(m.Version)).Select(m => m.Name)];
    }

    /// <summary>Migrates the database; returns the names of the scripts applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        DapperSetup.EnsureConfigured();
        await dialect.PrepareAsync(cancellationToken);
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(dialect.Scripts.CreateSchemaVersions, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>(
            new CommandDefinition("SELECT version FROM schema_versions", cancellationToken: cancellationToken))).ToHashSet();

        var appliedNow = new List<string>();
        foreach (var (version, name, text) in dialect.Scripts.Migrations)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            // Under the log's write lock, and checked again inside it: two hubs starting together migrate once.
            using var turn = await dialect.WriteTurnAsync(cancellationToken);
            await using var transaction = await dialect.BeginAppendAsync(connection, cancellationToken);
            if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT COUNT(*) FROM schema_versions WHERE version = @Version", new { Version = version }, transaction, cancellationToken: cancellationToken)) > 0)
            {
                continue;
            }

            foreach (var batch in dialect.SplitBatches(text))
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_versions (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { Version = version, Name = name, AppliedAt = time.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            appliedNow.Add(name);
        }

        return appliedNow;
    }
}
