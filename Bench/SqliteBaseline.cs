using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Coordination.Bench;

/// <summary>B2: bare inserts of log-sized rows into SQLite through Dapper, WAL and synchronous=FULL like the log.</summary>
internal static class SqliteBaseline
{
    private const string Insert = "INSERT INTO rows (position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash) " +
                                  "VALUES (@Position, @IncidentId, 1, @EventId, 'IncidentReported', @Data, @Metadata, @RecordedAt, @PrevHash, @Hash)";

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var path = Path.Combine(folder, "b2.db");
        Delete(path);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " +
            "CREATE TABLE rows (position INTEGER PRIMARY KEY, incident_id TEXT, version INTEGER, event_id TEXT, type TEXT, data TEXT, metadata TEXT, recorded_at INTEGER, prev_hash BLOB, hash BLOB);");
        var sample = SampleRow.Report(Guid.NewGuid());
        var metadata = System.Text.Json.JsonSerializer.Serialize(sample.Metadata);
        long position = 0;

        object Row() => new
        {
            Position = ++position,
            IncidentId = Guid.NewGuid().ToString(),
            EventId = Guid.NewGuid().ToString(),
            sample.Data,
            Metadata = metadata,
            RecordedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            PrevHash = RandomNumberGenerator.GetBytes(32),
            Hash = RandomNumberGenerator.GetBytes(32),
        };

        var single = Stopwatch.StartNew();
        for (var i = 0; i < sizes.SingleRowInserts; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync(Insert, Row(), transaction);
            await transaction.CommitAsync();
        }

        var singleRate = sizes.SingleRowInserts / single.Elapsed.TotalSeconds;
        var writtenBefore = Machine.BytesWritten();
        var batched = Stopwatch.StartNew();
        for (var done = 0; done < sizes.BatchedRows; done += 100)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < 100; i++)
            {
                await connection.ExecuteAsync(Insert, Row(), transaction);
            }

            await transaction.CommitAsync();
        }

        var batchedRate = sizes.BatchedRows / batched.Elapsed.TotalSeconds;
        var written = Machine.BytesWritten() - writtenBefore;
        await connection.CloseAsync();
        Delete(path);
        return
        [
            new("B2.1", "bare SQLite inserts, 1 row per transaction", singleRate, "rows/s"),
            new("B2.100", "bare SQLite inserts, 100 rows per transaction", batchedRate, "rows/s"),
            .. written is { } bytes ? [new Result("B2.100.written", "bare SQLite inserts, 100 rows per transaction: written to disk per row", bytes / 1024.0 / sizes.BatchedRows, "KiB")] : Array.Empty<Result>(),
        ];
    }

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
