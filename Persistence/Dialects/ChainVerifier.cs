using System.Data.Common;
using Coordination.Persistence.HashChain;

namespace Coordination.Persistence.Dialects;

/// <summary>The chain's walk through ADO.NET, for any dialect without a faster reader of its own.</summary>
public static class ChainVerifier
{
    public static async Task<VerificationResult> VerifyAsync(ISqlDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = dialect.Scripts.VerifyChain;
        // Streamed, one row object reused and columns read by ordinal: the verifier reads every entry of the
        // log, and materialising a million rows through Dapper cost more than hashing them.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var walk = new ChainWalk();
        var row = new StoredRow();
        while (await reader.ReadAsync(cancellationToken))
        {
            Fill(reader, row);
            if (walk.Next(row) is { } broken)
            {
                return broken;
            }
        }

        return walk.Passed();
    }

    /// <summary>Reads a VerifyChain row (columns in the script's order) into <paramref name="row"/>; Guids are text on SQLite.</summary>
    public static void Fill(DbDataReader reader, StoredRow row)
    {
        row.Position = reader.GetInt64(0);
        row.IncidentId = ReadGuid(reader, 1);
        row.Version = reader.GetInt32(2);
        row.EventId = ReadGuid(reader, 3);
        row.Type = reader.GetString(4);
        row.Data = reader.GetString(5);
        row.Metadata = reader.GetString(6);
        row.RecordedAt = reader.GetInt64(7);
        row.PrevHash = reader.GetFieldValue<byte[]>(8);
        row.Hash = reader.GetFieldValue<byte[]>(9);
    }

    private static Guid ReadGuid(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) ? Guid.Parse(reader.GetString(ordinal)) : reader.GetGuid(ordinal);
}
