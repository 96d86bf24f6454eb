using System.Data.Common;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;
using Microsoft.Data.Sqlite;

namespace Coordination.Persistence.Sqlite;

/// <summary>The embedded default: one SQLite file in WAL mode.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The write gate is only awaited, never asked for its wait handle, so it holds nothing to release.")]
public sealed class SqliteDialect : ISqlDialect
{
    // Read once for every SQLite database the process opens.
    private static readonly DialectScripts OwnScripts = new("Sqlite");

    private readonly string _connectionString;
    private readonly string _path;

    // The hub's writers (group commit, checkpoints, the lease, sign-ins) queue here, one at a time. SQLite's own
    // wait for its write lock sleeps 1, 2, 5 ... 100 ms between tries, so it wakes late after a short write: the
    // benchmarks traced seconds of such sleeps a minute at 100 reports/s. busy_timeout still covers other processes.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

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

    public DialectScripts Scripts => OwnScripts;

    /// <summary>The database file.</summary>
    public string FilePath => _path;

    public DbConnection CreateConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.StateChange += OnOpened;
        return connection;
    }

    /// <summary>
    /// Every connection taken from the pool starts the same way. SQLite itself waits for the write lock
    /// (sleeping 1, 2, 5, 10... ms) when another writer of the hub holds it: without it, Microsoft.Data.Sqlite's
    /// own retry sleeps 150 ms per busy answer, which the benchmarks showed as 150-300 ms added to a report's
    /// way to the liaisons. And commits are synced to disk (synchronous=FULL), so a committed alert survives a
    /// power cut, not only a process crash, whatever the connection's previous user (the relay's checkpoint)
    /// set for its own statement.
    /// </summary>
    private static void OnOpened(object? sender, System.Data.StateChangeEventArgs change)
    {
        // Direct calls on the native handle, not commands: this runs on every open from the pool, which is
        // every query's hot path, and costs no managed command there.
        if (change.CurrentState == System.Data.ConnectionState.Open && sender is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, 30_000);
            SQLitePCL.raw.sqlite3_exec(handle, "PRAGMA synchronous=FULL;");
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

    public async ValueTask<WriteTurn> WriteTurnAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new WriteTurn(_writeGate);
    }

    public Task<DbTransaction> BeginAppendAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // synchronous=FULL is set on every open (OnOpened). Microsoft.Data.Sqlite begins IMMEDIATE unless
        // deferred: the write lock is taken now, so the head position and hash read next cannot change under us.
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    /// <summary>On the connection's native handle, bound by position (<see cref="SqliteAppendStatements"/>).</summary>
    public IAppendStatements PrepareAppendStatements(DbConnection connection, DbTransaction transaction) =>
        new SqliteAppendStatements((SqliteConnection)connection);

    public Task<VerificationResult> VerifyChainAsync(CancellationToken cancellationToken) =>
        SqliteChainVerifier.VerifyAsync(this, cancellationToken);

    public IReadOnlyList<string> SplitBatches(string script) => [script];

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 19 }; // SQLITE_CONSTRAINT
}
