using Coordination.Testing;
using Coordination.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Coordination.Tests.Hub.Startup;

/// <summary>
/// The backup, restore and verify commands at the server refuse, with a message and exit code 1, whatever would
/// leave a backup or a database that cannot be trusted: a path in use, a folder that cannot be written, a database a
/// hub may be running on, a backup whose chain does not verify. BackupRestoreTests has them working under load.
/// </summary>
[TestFixture]
public sealed class DatabaseCommandsTests
{
    private TempDirectory _folder = null!;
    private HubProcess _hub = null!;

    private string Data => Path.Combine(_folder.Path, "data");

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _folder = new TempDirectory();
        // A first start makes the database (the agencies, sample users and rules are its first entries).
        await using (await HubHost.StartAsync(Data))
        {
        }

        SqliteConnection.ClearAllPools();
        _hub = new HubProcess(Data);
    }

    [OneTimeTearDown]
    public async Task RemoveDatabase()
    {
        await _hub.DisposeAsync();
        _folder.Dispose();
    }

    [Test]
    public async Task A_backup_never_overwrites_and_says_why_it_cannot_write()
    {
        var taken = Path.Combine(_folder.Path, "taken.db");
        await File.WriteAllTextAsync(taken, "someone else's file");

        var exists = await _hub.RunCommandAsync(null, "backup", "--to", taken);
        var noFolder = await _hub.RunCommandAsync(null, "backup", "--to", Path.Combine(_folder.Path, "missing", "backup.db"));
        var unwritable = await _hub.RunCommandAsync(null, "backup", "--to", "/proc/coordination-backup.db");
        var misused = await _hub.RunCommandAsync(null, "backup");

        Assert.Multiple(async () =>
        {
            Assert.That(exists.ExitCode, Is.EqualTo(1));
            Assert.That(exists.Output, Does.Contain("exists already; a backup never overwrites anything"));
            Assert.That(await File.ReadAllTextAsync(taken), Is.EqualTo("someone else's file"));
            Assert.That(noFolder.ExitCode, Is.EqualTo(1));
            Assert.That(noFolder.Output, Does.Contain("there is no folder"));
            Assert.That(unwritable.ExitCode, Is.EqualTo(1));
            Assert.That(unwritable.Output, Does.Contain("Failed: could not write /proc/coordination-backup.db"));
            Assert.That(misused.ExitCode, Is.EqualTo(2));
            Assert.That(misused.Output, Does.Contain("usage: dotnet Coordination.Hub.dll backup --to PATH"));
            Assert.That(Directory.GetFiles(_folder.Path, "*.partial"), Is.Empty, "nothing half-written is left");
        });
    }

    [Test]
    public async Task On_SQL_Server_backup_and_restore_point_to_the_database_s_own_backup()
    {
        await using var sqlServer = new HubProcess(Data, new Dictionary<string, string?>
        {
            ["Coordination:Storage:Provider"] = "SqlServer",
            ["Coordination:Storage:ConnectionString"] = "Server=never-connected;Database=coordination",
        });

        var backup = await sqlServer.RunCommandAsync(null, "backup", "--to", Path.Combine(_folder.Path, "sql.bak"));
        var restore = await sqlServer.RunCommandAsync(null, "restore", "--from", Path.Combine(_folder.Path, "sql.bak"));

        Assert.Multiple(() =>
        {
            Assert.That(backup.ExitCode, Is.EqualTo(1));
            Assert.That(backup.Output, Does.Contain("BACKUP DATABASE ... WITH CHECKSUM").And.Contain("COPY_ONLY").And.Contain("README, \"Backup and restore\""));
            Assert.That(restore.ExitCode, Is.EqualTo(1));
            Assert.That(restore.Output, Does.Contain("RESTORE DATABASE").And.Contain("verify"));
        });
    }

    [Test]
    public async Task A_restore_never_overwrites_a_database_and_refuses_a_backup_that_does_not_verify()
    {
        var backup = Path.Combine(_folder.Path, $"good-{Guid.NewGuid():N}.db");
        var taken = await _hub.RunCommandAsync(null, "backup", "--to", backup);
        var broken = Path.Combine(_folder.Path, $"broken-{Guid.NewGuid():N}.db");
        File.Copy(backup, broken);
        await using (var connection = new SqliteConnection($"Data Source={broken};Pooling=False"))
        {
            await connection.ExecuteAsync("DROP TRIGGER event_log_no_update");
            await connection.ExecuteAsync("UPDATE event_log SET recorded_at = recorded_at + 1 WHERE position = 3");
        }

        var notADatabase = Path.Combine(_folder.Path, "notes.txt");
        await File.WriteAllTextAsync(notADatabase, "not a database");
        var elsewhere = Path.Combine(_folder.Path, $"restored-{Guid.NewGuid():N}");
        await using var restoring = new HubProcess(elsewhere);

        var overRunning = await _hub.RunCommandAsync(null, "restore", "--from", backup);
        var refusedChain = await restoring.RunCommandAsync(null, "restore", "--from", broken);
        var refusedFile = await restoring.RunCommandAsync(null, "restore", "--from", notADatabase);
        var restored = await restoring.RunCommandAsync(null, "restore", "--from", backup);
        var verified = await restoring.RunCommandAsync(null, "verify");

        Assert.Multiple(() =>
        {
            Assert.That(taken.ExitCode, Is.EqualTo(0), taken.Output);
            Assert.That(overRunning.ExitCode, Is.EqualTo(1));
            Assert.That(overRunning.Output, Does.Contain("a hub may be running on that database"));
            Assert.That(refusedChain.ExitCode, Is.EqualTo(1), refusedChain.Output);
            Assert.That(refusedChain.Output, Does.Contain("hash chain BROKEN at position 3").And.Contain("was not restored"));
            Assert.That(refusedFile.ExitCode, Is.EqualTo(1), refusedFile.Output);
            Assert.That(refusedFile.Output, Does.Contain("could not restore"));
            Assert.That(restored.ExitCode, Is.EqualTo(0), restored.Output);
            Assert.That(restored.Output, Does.Contain("Restored to").And.Contain("its log ends at position"));
            Assert.That(verified.ExitCode, Is.EqualTo(0), verified.Output);
            Assert.That(verified.Output, Does.Contain("hash chain verified"));
        });
    }
}
