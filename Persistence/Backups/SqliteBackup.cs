using Coordination.Persistence.Dialects;
using Coordination.Persistence.Scripts;
using Coordination.Persistence.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Coordination.Persistence.Backups;

/// <summary>
/// Copies of the SQLite database, and what a copy holds. A copy is made with SQLite's online backup API in one step,
/// so it is one read transaction of the source: every commit before it, none after, while hubs go on appending
/// (in WAL mode readers and the writer do not wait for each other). It is one self-contained file (rollback
/// journal, no -wal beside it), readable by its owner only: it holds password hashes and refresh-token hashes.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database a hub may be writing to, <paramref name="database"/>, into the new file <paramref name="destination"/> (an existing one is refused).</summary>
    public static Task CopyLiveAsync(string database, string destination, CancellationToken cancellationToken) =>
        CopyAsync(database, SqliteOpenMode.ReadWrite, destination, cancellationToken);

    /// <summary>Copies a backup file into the new file <paramref name="destination"/>, leaving the backup as it is (it is opened read-only).</summary>
    public static Task CopyBackupAsync(string backup, string destination, CancellationToken cancellationToken) =>
        CopyAsync(backup, SqliteOpenMode.ReadOnly, destination, cancellationToken);

    /// <summary>Walks the copy's hash chain with the log's own verifier and reads its head, schema version and checkpoints.</summary>
    public static async Task<BackupCheck> CheckAsync(string copy, CancellationToken cancellationToken)
    {
        if (!File.Exists(copy))
        {
            throw new FileNotFoundException($"There is no database at {copy}.", copy);
        }

        DapperSetup.EnsureConfigured();
        var dialect = new SqliteDialect(copy);
        try
        {
            var chain = await dialect.VerifyChainAsync(cancellationToken);
            await using var connection = dialect.CreateConnection();
            var head = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlScripts.EventLog.HeadPosition, cancellationToken: cancellationToken));
            var schema = await connection.ExecuteScalarAsync<int>(new CommandDefinition(SqlScripts.Backups.SchemaVersion, cancellationToken: cancellationToken));
            var checkpoints = await connection.QueryAsync<(string Name, long Position)>(new CommandDefinition(SqlScripts.Backups.Checkpoints, cancellationToken: cancellationToken));
            return new BackupCheck(chain, head, schema, checkpoints.ToDictionary(c => c.Name, c => c.Position, StringComparer.Ordinal));
        }
        finally
        {
            // The dialect pools its connections; the copy's file must not stay open once checked (it is moved next).
            using var pooled = (SqliteConnection)dialect.CreateConnection();
            SqliteConnection.ClearPool(pooled);
        }
    }

    private static async Task CopyAsync(string source, SqliteOpenMode sourceMode, string destination, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"There is no database at {source}.", source);
        }

        if (File.Exists(destination))
        {
            // The backup API would write the copy over whatever database is there.
            throw new IOException($"{destination} exists already: a copy is only ever made into a new file.");
        }

        await using var from = new SqliteConnection(Unpooled(source, sourceMode));
        await from.OpenAsync(cancellationToken);
        // A hub's checkpoint of its WAL can hold the file for a moment; wait as the hub's own connections do.
        SQLitePCL.raw.sqlite3_busy_timeout(from.Handle, 30_000);
        await using var to = new SqliteConnection(Unpooled(destination, SqliteOpenMode.ReadWriteCreate));
        await to.OpenAsync(cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // Before any page is written: the copy holds password and refresh-token hashes.
            File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // One step (-1) is one read transaction of the source: a consistent copy however much is appended meanwhile.
        await Task.Run(() => from.BackupDatabase(to), cancellationToken);
        await using var command = to.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Unpooled(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString();
}
