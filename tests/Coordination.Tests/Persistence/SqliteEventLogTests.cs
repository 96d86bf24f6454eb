using System.Data.Common;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.Sqlite;
using Coordination.Tests.Support;
using Dapper;

namespace Coordination.Tests.Persistence;

/// <summary>The event log contract on a real SQLite file.</summary>
[TestFixture]
public sealed class SqliteEventLogTests : EventLogContract
{
    private TempDirectory? _folder;

    protected override Task<ISqlDialect> CreateDatabaseAsync()
    {
        _folder = new TempDirectory();
        return Task.FromResult<ISqlDialect>(new SqliteDialect(Path.Combine(_folder.Path, "coordination.db")));
    }

    [TearDown]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder?.Dispose();
    }

    // An attacker with the file can drop the trigger; the hash chain still gives them away.
    protected override async Task TamperAsync(DbConnection connection, long position, string newData)
    {
        await connection.ExecuteAsync("DROP TRIGGER event_log_no_update");
        await connection.ExecuteAsync("UPDATE event_log SET data = @Data WHERE position = @Position", new { Data = newData, Position = position });
    }

    [Test]
    public async Task The_database_file_is_in_WAL_mode()
    {
        await using var connection = Dialect.CreateConnection();
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task Every_connection_syncs_its_commits_whatever_its_previous_user_set()
    {
        // The relay's checkpoint runs unsynced; a failure halfway would leave its pooled connection so.
        await using (var previous = Dialect.CreateConnection())
        {
            await previous.ExecuteAsync("PRAGMA synchronous=NORMAL");
        }

        var checkpoints = new Coordination.Persistence.Checkpoints.CheckpointStore(Dialect);
        await using (var connection = Dialect.CreateConnection())
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"), Is.EqualTo(2), "FULL on the next use from the pool");
        }

        await checkpoints.SaveAsync("relay", 42, default);
        await using (var connection = Dialect.CreateConnection())
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"), Is.EqualTo(2), "FULL after a checkpoint");
        }

        Assert.That(await checkpoints.LoadAsync("relay", default), Is.EqualTo(42));
    }
}
