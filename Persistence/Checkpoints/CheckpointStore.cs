using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Dapper;

namespace Coordination.Persistence.Checkpoints;

/// <summary>Named positions in the log that a reader (the relay) has finished with.</summary>
public sealed class CheckpointStore(ISqlDialect dialect)
{
    public async Task<long> LoadAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            SqlScripts.Checkpoints.LoadCheckpoint, new { Name = name }, cancellationToken: cancellationToken)) ?? 0;
    }

    public async Task SaveAsync(string name, long position, CancellationToken cancellationToken)
    {
        await using var connection = dialect.CreateConnection();
        using var turn = await dialect.WriteTurnAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            dialect.Scripts.SaveCheckpoint, new { Name = name, Position = position }, cancellationToken: cancellationToken));
    }
}
