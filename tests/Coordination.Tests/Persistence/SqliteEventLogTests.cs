using System.Data.Common;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
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
    public async Task Task_entries_logged_before_their_agencies_were_kept_are_listed_by_the_migration()
    {
        var id = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id), SampleEvents.Alerted(id, "ncem")], default);
        await Log.AppendAsync(id, ExpectedVersion.Any, [SampleEvents.TaskAssigned(id, "ncem", "ncem-operations-room"), SampleEvents.TaskAcknowledged(id, "ncem", "ncem-operations-room")], default);
        await using var connection = Dialect.CreateConnection();
        await connection.OpenAsync();
        var folded = (await connection.QueryAsync<(long, string)>("SELECT position, agency FROM task_entry_agencies ORDER BY position")).ToArray();
        // The database as it stood before the migration that keeps them: the entries logged, nothing listed.
        await connection.ExecuteAsync("DROP TABLE task_entry_agencies; DELETE FROM schema_versions WHERE name LIKE '%task_visibility%'");

        var applied = await new Coordination.Persistence.Migrations.MigrationRunner(Dialect, TimeProvider.System).MigrateAsync(default);
        var migrated = (await connection.QueryAsync<(long, string)>("SELECT position, agency FROM task_entry_agencies ORDER BY position")).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(applied, Has.Count.EqualTo(1));
            Assert.That(folded, Is.EqualTo(new[] { (3L, "ncem"), (4L, "ncem") }), "the append's projection lists each task entry");
            Assert.That(migrated, Is.EqualTo(folded), "the migration lists those already logged alike");
        });
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

    [Test]
    public async Task The_hubs_writers_wait_their_turn_and_go_ahead_when_it_is_passed_on()
    {
        var checkpoints = new Coordination.Persistence.Checkpoints.CheckpointStore(Dialect);
        var incident = Guid.NewGuid();
        Task save, append;
        using (await Dialect.WriteTurnAsync(default))
        {
            save = checkpoints.SaveAsync("relay", 7, default);
            append = Log.AppendAsync(incident, ExpectedVersion.NoStream, [SampleEvents.Reported(incident)], default);
            await Task.Delay(300);
            Assert.Multiple(() =>
            {
                Assert.That(save.IsCompleted, Is.False, "the checkpoint waits for the turn");
                Assert.That(append.IsCompleted, Is.False, "the append waits for the turn");
            });
        }

        await Task.WhenAll(save, append).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(await checkpoints.LoadAsync("relay", default), Is.EqualTo(7));
        Assert.That((await Log.ReadAfterAsync(0, 10, default)).Select(e => e.IncidentId), Is.EqualTo(new[] { incident }));
    }

    [Test]
    public async Task A_writer_that_stops_waiting_for_its_turn_writes_nothing()
    {
        var checkpoints = new Coordination.Persistence.Checkpoints.CheckpointStore(Dialect);
        using (await Dialect.WriteTurnAsync(default))
        {
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            Assert.That(async () => await checkpoints.SaveAsync("relay", 7, giveUp.Token), Throws.InstanceOf<OperationCanceledException>());
        }

        Assert.That(await checkpoints.LoadAsync("relay", default), Is.EqualTo(0));
        await checkpoints.SaveAsync("relay", 8, default);
        Assert.That(await checkpoints.LoadAsync("relay", default), Is.EqualTo(8), "the turn was passed on, not lost");
    }

    /// <summary>How an attacker with the file changes the log, around its append-only triggers.</summary>
    public enum Tampering
    {
        None,
        Content,
        PreviousHash,
        DeletedEntry,
        LastHash,
    }

    // The audit reads SQLite's own buffers (SqliteChainVerifier); the ADO.NET walk every dialect can use is the
    // reference. Both must give the same answer on the same file, whatever the text and whatever was changed.
    [TestCase(Tampering.None, null, null)]
    [TestCase(Tampering.Content, 5L, "content does not match its hash")]
    [TestCase(Tampering.PreviousHash, 5L, "previous hash does not match the entry before it")]
    [TestCase(Tampering.DeletedEntry, 5L, "position 5 is missing (next stored is 6)")]
    [TestCase(Tampering.LastHash, 10L, "content does not match its hash")]
    public async Task The_audit_on_SQLite_finds_what_the_reference_walk_finds(Tampering tampering, long? firstBad, string? problem)
    {
        // Arabic, hostile text and a report larger than the hasher's stack buffer (4 KiB of UTF-8).
        string[] titles = ["فيضان في درنة", "<script>alert('x')</script> '; DELETE FROM event_log; -- \u202E", string.Concat(Enumerable.Repeat("انهيار سد وادي درنة ", 250))];
        foreach (var title in titles)
        {
            var id = Guid.NewGuid();
            await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id, title), SampleEvents.Alerted(id, "ncem")], default);
            await Log.AppendAsync(id, 2, [SampleEvents.Acknowledged(id, "ncem")], default);
        }

        var last = Guid.NewGuid();
        await Log.AppendAsync(last, ExpectedVersion.NoStream, [SampleEvents.Reported(last)], default);

        await using (var connection = Dialect.CreateConnection())
        {
            await connection.ExecuteAsync("DROP TRIGGER event_log_no_update; DROP TRIGGER event_log_no_delete;");
            await connection.ExecuteAsync(tampering switch
            {
                Tampering.None => "SELECT 1",
                Tampering.Content => "UPDATE event_log SET data = replace(data, 'Extreme', 'Minor') WHERE position = 5",
                Tampering.PreviousHash => "UPDATE event_log SET prev_hash = zeroblob(32) WHERE position = 5",
                Tampering.DeletedEntry => "DELETE FROM event_log WHERE position = 5",
                Tampering.LastHash => "UPDATE event_log SET hash = zeroblob(32) WHERE position = 10",
                _ => throw new ArgumentOutOfRangeException(nameof(tampering)),
            });
        }

        var audit = await Log.VerifyAsync(default);
        var reference = await ChainVerifier.VerifyAsync(Dialect, default);
        Assert.Multiple(() =>
        {
            Assert.That(audit, Is.EqualTo(reference));
            Assert.That(audit.IsValid, Is.EqualTo(tampering == Tampering.None));
            Assert.That(audit.FirstBadPosition, Is.EqualTo(firstBad));
            Assert.That(audit.Problem, Is.EqualTo(problem));
            Assert.That(audit.EntriesChecked, Is.EqualTo(firstBad ?? 10));
        });
    }

    // The append path binds values to SQLite's own statements by position (SqliteStatement); what it stores must
    // be what Dapper and ADO.NET store for the same values, down to the storage class: an empty text is not NULL.
    [Test]
    public async Task The_append_paths_statements_store_each_value_as_Dapper_does()
    {
        var values = new
        {
            Source = "",
            Missing = (string?)null,
            Empty = "",
            Arabic = "فيضان <script>alert(1)</script> '; DROP TABLE event_log; -- \u202Eدرنة",
            Number = 42L,
            Small = 7,
            Flag = true,
            Real = 32.76,
            Bytes = new byte[] { 0, 1, 2, 255 },
            NoBytes = Array.Empty<byte>(),
            Id = Guid.Parse("0b9d3c52-4a8e-4f3e-9a57-1b8f0f1e2a01"),
            At = new DateTimeOffset(2023, 9, 10, 23, 0, 0, TimeSpan.Zero),
            Codes = new[] { "ncem", "red-crescent" },
            Level = Coordination.Agencies.Contracts.Reference.Severity.Extreme,
        };
        const string columns = "source, missing, empty, arabic, number, small, flag, real, bytes, no_bytes, id, at, codes, level";
        const string insert = "INSERT INTO probe (" + columns + ") VALUES (@Source, @Missing, @Empty, @Arabic, @Number, @Small, @Flag, @Real, @Bytes, @NoBytes, @Id, @At, @Codes, @Level)";
        await using var connection = Dialect.CreateConnection();
        await connection.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE probe (" + columns + ")");
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using (var statements = Dialect.PrepareAppendStatements(connection, transaction))
            {
                Assert.That(await statements.ExecuteAsync(insert, values with { Source = "prepared" }, default), Is.EqualTo(1), "rows changed");
            }

            await connection.ExecuteAsync(insert, values with { Source = "dapper" }, transaction);
            await transaction.CommitAsync();
        }

        var stored = (await connection.QueryAsync<(string Source, string Row)>(
            "SELECT source, " + string.Join(" || '|' || ", columns.Split(", ").Skip(1).Select(c => $"typeof({c}) || ':' || quote({c})")) + " FROM probe")).ToDictionary(r => r.Source, r => r.Row);
        Assert.That(stored["prepared"], Is.EqualTo(stored["dapper"]));
        Assert.That(stored["prepared"], Does.StartWith("null:NULL|text:''|text:"));
    }

    // Data is read before an append queues, so only a row written behind the log's back can be unreadable; a
    // rebuild must name it, change nothing and leave the read models as they were.
    [Test]
    public async Task A_rebuild_that_meets_an_unreadable_entry_names_it_and_changes_nothing()
    {
        var id = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id), SampleEvents.Alerted(id, "ncem")], default);
        await using var connection = Dialect.CreateConnection();
        await connection.ExecuteAsync(
            "INSERT INTO event_log (position, incident_id, version, event_id, type, data, metadata, recorded_at, prev_hash, hash) " +
            "VALUES (3, @Id, 1, @EventId, 'IncidentReported', 'null', '{}', 0, zeroblob(32), zeroblob(32))",
            new { Id = Guid.NewGuid().ToString("D"), EventId = Guid.NewGuid().ToString("D") });

        var rebuild = Assert.ThrowsAsync<System.Text.Json.JsonException>(() => new Coordination.Persistence.Projections.ProjectionRebuilder(Dialect).RebuildAsync(default));
        Assert.Multiple(async () =>
        {
            Assert.That(rebuild!.Message, Does.Contain("Entry 3 (IncidentReported)"));
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM incident_board"), Is.EqualTo(1), "the board as it was");
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM alert_inbox"), Is.EqualTo(1), "the inbox as it was");
        });
    }
}
