using System.Data.Common;
using Coordination.Persistence.Dialects;
using Microsoft.Data.Sqlite;

namespace Coordination.Persistence.Sqlite;

/// <summary>The embedded default: one SQLite file in WAL mode.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    private readonly string _connectionString;
    private readonly string _path;

    public SqliteDialect(string path)
    {
        _path = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Name => "Sqlite";

    /// <summary>The database file.</summary>
    public string FilePath => _path;

    public DbConnection CreateConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.StateChange += WaitWhenBusy;
        return connection;
    }

    /// <summary>
    /// Lets SQLite itself wait for the write lock (sleeping 1, 2, 5, 10... ms) when another writer of the
    /// hub holds it. Without it, Microsoft.Data.Sqlite's own retry sleeps 150 ms per busy answer, which
    /// the benchmarks showed as 150-300 ms added to a report's way to the liaisons.
    /// </summary>
    private static void WaitWhenBusy(object? sender, System.Data.StateChangeEventArgs change)
    {
        // A direct call on the native handle, not a PRAGMA statement: it runs on every open from the pool,
        // which is every query's hot path, and costs no statement preparation there.
        if (change.CurrentState == System.Data.ConnectionState.Open && sender is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, 30_000);
        }
    }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL lets readers (catch-up, board) run while the relay and commands write.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DbTransaction> BeginAppendAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // synchronous=FULL: a committed alert survives a power cut, not only a process crash.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA synchronous=FULL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        // Microsoft.Data.Sqlite begins IMMEDIATE unless deferred: the write lock is taken now,
        // so the head position and hash read next cannot change under us.
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    public IReadOnlyList<string> SplitBatches(string script) => [script];

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
