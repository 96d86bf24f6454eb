using System.Security.Cryptography;
using System.Text.Json;
using Coordination.Persistence.Backups;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Coordination.Tests.Persistence;

/// <summary>
/// A copy of the SQLite database taken while writers append is one moment of it: a prefix of the log that verifies,
/// with the read models and checkpoints written in the same transactions as that prefix, in one file of its own.
/// </summary>
[TestFixture]
public sealed class SqliteBackupTests
{
    private TempDirectory _folder = null!;
    private SqliteDialect _live = null!;
    private EventLogStore _log = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _folder = new TempDirectory();
        _live = new SqliteDialect(Path.Combine(_folder.Path, "coordination.db"));
        await new MigrationRunner(_live, TimeProvider.System).MigrateAsync(default);
        _log = new EventLogStore(_live, new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
    }

    [TearDown]
    public void RemoveDatabase()
    {
        _log.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Test]
    public async Task A_copy_taken_while_writers_append_is_a_verified_prefix_whose_read_models_match_its_log()
    {
        var copy = Path.Combine(_folder.Path, "backup.db");
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = Guid.CreateVersion7();
                await _log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id), SampleEvents.Alerted(id, "ncem")], default);
                await _log.AppendAsync(id, 2, [SampleEvents.Acknowledged(id, "ncem")], default);
            }
        })).ToArray();
        while (await _log.HeadPositionAsync(default) < 200)
        {
            await Task.Delay(10);
        }

        await SqliteBackup.CopyLiveAsync(_live.FilePath, copy, default);
        var headWhenCopied = await _log.HeadPositionAsync(default);
        await Task.Delay(100);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var check = await SqliteBackup.CheckAsync(copy, default);
        var copied = new SqliteDialect(copy);
        var liveRows = await HashesAsync(_live, check.HeadPosition);
        var copiedRows = await HashesAsync(copied, long.MaxValue);
        var readModels = await DumpReadModelsAsync(copied);
        await new ProjectionRebuilder(copied).RebuildAsync(default);
        var rebuilt = await DumpReadModelsAsync(copied);
        Assert.Multiple(() =>
        {
            Assert.That(check.Chain.IsValid, Is.True, check.Chain.Problem);
            Assert.That(check.IsSound, Is.True);
            Assert.That(check.HeadPosition, Is.GreaterThanOrEqualTo(200).And.LessThanOrEqualTo(headWhenCopied));
            Assert.That(check.Chain.EntriesChecked, Is.EqualTo(check.HeadPosition));
            Assert.That(check.SchemaVersion, Is.EqualTo(_live.Scripts.Migrations[^1].Version));
            Assert.That(copiedRows, Is.EqualTo(liveRows), "the copy is the live log's first entries, hash for hash");
            Assert.That(rebuilt, Is.EqualTo(readModels), "the copy's board and inbox are exactly its log folded");
            Assert.That(readModels, Does.Contain("Acknowledged"));
        });
    }

    [Test]
    public async Task A_copy_is_one_file_its_owner_alone_may_read()
    {
        var id = Guid.CreateVersion7();
        await _log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
        var copy = Path.Combine(_folder.Path, "backup.db");

        await SqliteBackup.CopyLiveAsync(_live.FilePath, copy, default);
        await SqliteBackup.CheckAsync(copy, default);

        await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("delete"), "no -wal file belongs with it");
            Assert.That(File.Exists(copy + "-wal"), Is.False);
            Assert.That(File.GetUnixFileMode(copy), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "it holds password and refresh-token hashes");
        });
    }

    [Test]
    public async Task Copying_from_a_backup_leaves_the_backup_as_it_was()
    {
        var id = Guid.CreateVersion7();
        await _log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
        var backup = Path.Combine(_folder.Path, "backup.db");
        await SqliteBackup.CopyLiveAsync(_live.FilePath, backup, default);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(backup));

        var restored = Path.Combine(_folder.Path, "restored", "coordination.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        await SqliteBackup.CopyBackupAsync(backup, restored, default);
        var check = await SqliteBackup.CheckAsync(restored, default);

        Assert.Multiple(async () =>
        {
            Assert.That(SHA256.HashData(await File.ReadAllBytesAsync(backup)), Is.EqualTo(before));
            Assert.That(check.IsSound, Is.True);
            Assert.That(check.HeadPosition, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_copy_is_never_made_over_an_existing_file()
    {
        var taken = Path.Combine(_folder.Path, "taken.db");
        await File.WriteAllTextAsync(taken, "someone else's");

        Assert.ThrowsAsync<IOException>(() => SqliteBackup.CopyLiveAsync(_live.FilePath, taken, default));
        Assert.ThrowsAsync<IOException>(() => SqliteBackup.CopyBackupAsync(_live.FilePath, taken, default));
        Assert.That(await File.ReadAllTextAsync(taken), Is.EqualTo("someone else's"));
    }

    [Test]
    public async Task A_copy_whose_chain_was_edited_is_named_as_broken()
    {
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.CreateVersion7();
            await _log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
        }

        var copy = Path.Combine(_folder.Path, "backup.db");
        await SqliteBackup.CopyLiveAsync(_live.FilePath, copy, default);
        await using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await connection.ExecuteAsync("DROP TRIGGER event_log_no_update");
            await connection.ExecuteAsync("UPDATE event_log SET data = replace(data, 'derna', 'tripoli') WHERE position = 2");
        }

        var check = await SqliteBackup.CheckAsync(copy, default);
        Assert.Multiple(() =>
        {
            Assert.That(check.IsSound, Is.False);
            Assert.That(check.Chain.FirstBadPosition, Is.EqualTo(2));
        });
    }

    private static async Task<string[]> HashesAsync(SqliteDialect dialect, long upTo)
    {
        await using var connection = dialect.CreateConnection();
        var rows = await connection.QueryAsync<byte[]>("SELECT hash FROM event_log WHERE position <= @UpTo ORDER BY position", new { UpTo = upTo });
        return rows.Select(Convert.ToHexString).ToArray();
    }

    private static async Task<string> DumpReadModelsAsync(SqliteDialect dialect)
    {
        await using var connection = dialect.CreateConnection();
        var parts = new List<string>();
        foreach (var (table, order) in new[] { ("incident_board", "incident_id"), ("alert_inbox", "incident_id, agency") })
        {
            var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {order}");
            parts.Add(table + ":" + JsonSerializer.Serialize(rows.Select(r => (IDictionary<string, object>)r)));
        }

        return string.Join("\n", parts);
    }
}
