using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Projections;

/// <summary>Throws the read models away and folds the whole log into them again, under the append lock.</summary>
public sealed class ProjectionRebuilder(ISqlDialect dialect)
{
    private const int PageSize = 2000;
    private readonly ReadModelProjector _projector = new();

    /// <summary>Rebuilds; returns the number of entries replayed.</summary>
    public async Task<long> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await using var transaction = await dialect.BeginAppendAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlScripts.Projections.ClearReadModels, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            SqlScripts.Accounts.ClearDirectory, transaction: transaction, cancellationToken: cancellationToken));

        long after = 0, replayed = 0;
        await using var statements = dialect.PrepareAppendStatements(connection, transaction);
        var read = dialect.Scripts.ReadAfter;
        while (true)
        {
            var page = (await connection.QueryAsync<StoredRow>(new CommandDefinition(
                read, new { After = after, Limit = PageSize }, transaction, cancellationToken: cancellationToken))).AsList();
            foreach (var row in page)
            {
                await _projector.ApplyAsync(statements, row, cancellationToken);
                after = row.Position;
                replayed++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return replayed;
    }
}
