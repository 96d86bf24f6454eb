using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Coordination.Bench;

/// <summary>B2: bare inserts of log-sized rows into SQLite through Dapper, WAL and synchronous=FULL like the log.</summary>
internal static class SqliteBaseline
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        await using var table = await BareTable.CreateAsync(Path.Combine(folder, "b2.db"));
        var single = Stopwatch.StartNew();
        for (var i = 0; i < sizes.SingleRowInserts; i++)
        {
            await table.InsertAsync(rows: 1, perTransaction: 1);
        }

        var singleRate = sizes.SingleRowInserts / single.Elapsed.TotalSeconds;
        var writtenBefore = Machine.BytesWritten();
        var batched = Stopwatch.StartNew();
        await table.InsertAsync(sizes.BatchedRows, perTransaction: 100);
        var batchedRate = sizes.BatchedRows / batched.Elapsed.TotalSeconds;
        var written = Machine.BytesWritten() - writtenBefore;
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

    /// <summary>A bare table of log-sized rows in a file of its own, deleted on dispose.</summary>
    internal sealed class BareTable : IAsyncDisposable
    {
        private const string Insert = "INSERT INTO rows (position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash) " +
                                      "VALUES (@Position, @IncidentId, 1, @EventId, 'IncidentReported', @Data, @Metadata, @RecordedAt, @PrevHash, @Hash)";

        private readonly SqliteConnection _connection;
        private readonly string _path;
        private readonly string _data;
        private readonly string _metadata;
        private long _position;

        private BareTable(SqliteConnection connection, string path)
        {
            _connection = connection;
            _path = path;
            var sample = SampleRow.Report(Guid.NewGuid());
            _data = sample.Data;
            _metadata = System.Text.Json.JsonSerializer.Serialize(sample.Metadata);
        }

        public static async Task<BareTable> CreateAsync(string path)
        {
            Delete(path);
            var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " +
                "CREATE TABLE rows (position INTEGER PRIMARY KEY, incident_id TEXT, version INTEGER, event_id TEXT, type TEXT, data TEXT, metadata TEXT, recorded_at INTEGER, prev_hash BLOB, hash BLOB);");
            return new BareTable(connection, path);
        }

        /// <summary>Inserts <paramref name="rows"/> rows, <paramref name="perTransaction"/> to a transaction.</summary>
        public async Task InsertAsync(int rows, int perTransaction)
        {
            for (var done = 0; done < rows; done += perTransaction)
            {
                await using var transaction = await _connection.BeginTransactionAsync();
                for (var i = 0; i < perTransaction; i++)
                {
                    await _connection.ExecuteAsync(Insert, Row(), transaction);
                }

                await transaction.CommitAsync();
            }
        }

        private object Row() => new
        {
            Position = ++_position,
            IncidentId = Guid.NewGuid().ToString(),
            EventId = Guid.NewGuid().ToString(),
            Data = _data,
            Metadata = _metadata,
            RecordedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            PrevHash = RandomNumberGenerator.GetBytes(32),
            Hash = RandomNumberGenerator.GetBytes(32),
        };

        public async ValueTask DisposeAsync()
        {
            await _connection.CloseAsync();
            await _connection.DisposeAsync();
            Delete(_path);
        }
    }
}
