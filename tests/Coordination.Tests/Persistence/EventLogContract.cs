using System.Data.Common;
using System.Text.Json;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Visibility;
using Coordination.Tests.Support;
using Dapper;

namespace Coordination.Tests.Persistence;

/// <summary>
/// What every dialect of the event log must do. Written once; each database gets a one-line subclass.
/// Each test gets a fresh, migrated database.
/// </summary>
public abstract class EventLogContract
{
    protected ISqlDialect Dialect { get; private set; } = null!;

    private EventLogStore? _log;

    protected EventLogStore Log => _log ?? throw new InvalidOperationException("The log is created in SetUp.");

    /// <summary>A new, empty database of this dialect.</summary>
    protected abstract Task<ISqlDialect> CreateDatabaseAsync();

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Changes a stored row's data as an attacker with direct access would: around the append-only guard.</summary>
    protected abstract Task TamperAsync(DbConnection connection, long position, string newData);

    [SetUp]
    public async Task CreateLog()
    {
        DapperSetup.EnsureConfigured();
        Dialect = await CreateDatabaseAsync();
        await new MigrationRunner(Dialect, TimeProvider.System).MigrateAsync(CancellationToken.None);
        _log = new EventLogStore(Dialect, new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
    }

    [TearDown]
    public async Task DropLog()
    {
        _log?.Dispose();
        await DropDatabaseAsync();
    }

    [Test]
    public async Task When_migrating_again_then_nothing_is_applied()
    {
        var applied = await new MigrationRunner(Dialect, TimeProvider.System).MigrateAsync(CancellationToken.None);
        Assert.That(applied, Is.Empty);
    }

    [Test]
    public async Task When_appending_then_positions_and_versions_are_consecutive()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var first = await Log.AppendAsync(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a)], default);
        var second = await Log.AppendAsync(b, ExpectedVersion.NoStream, [SampleEvents.Reported(b)], default);
        var third = await Log.AppendAsync(a, 1, [SampleEvents.Alerted(a, "ncem"), SampleEvents.Alerted(a, "civil-defence")], default);

        Assert.Multiple(() =>
        {
            Assert.That((first.FirstPosition, first.LastPosition, first.LastVersion), Is.EqualTo((1L, 1L, 1)));
            Assert.That((second.FirstPosition, second.LastVersion), Is.EqualTo((2L, 1)));
            Assert.That((third.FirstPosition, third.LastPosition, third.LastVersion), Is.EqualTo((3L, 4L, 3)));
        });
        var entries = await Log.ReadAfterAsync(0, 100, default);
        Assert.That(entries.Select(e => (e.Position, e.Version)), Is.EqualTo(new[] { (1L, 1), (2L, 1), (3L, 2), (4L, 3) }));
    }

    [Test]
    public async Task An_incidents_timeline_is_its_entries_in_the_log_in_order_each_with_its_summary()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id, "سيل في البيضاء")], default);
        await Log.AppendAsync(other, ExpectedVersion.NoStream, [SampleEvents.Reported(other)], default);
        await Log.AppendAsync(id, 1, [SampleEvents.Alerted(id, "ncem"), SampleEvents.Acknowledged(id, "ncem"), SampleEvents.Updated(id, "المياه تنحسر")], default);

        var timeline = await IncidentTimeline.ReadAsync(Log, id, default);
        var entries = await Log.ReadIncidentAsync(id, default);
        Assert.Multiple(() =>
        {
            Assert.That(timeline.Select(t => (t.Position, t.Version, t.Type, t.RecordedAt)), Is.EqualTo(entries.Select(e => (e.Position, e.Version, e.Type, e.RecordedAt))), "the incident's entries, none of the other's");
            Assert.That(timeline.Select(t => t.Summary), Is.EqualTo(new[] { "سيل في البيضاء", "ncem", "ncem: في الطريق", "المياه تنحسر" }));
            Assert.That(timeline.Select(t => t.Actor), Is.EqualTo(new[] { "duty.operator", "routing", "liaison.ncem", "duty.operator" }));
        });
    }

    [Test]
    public async Task When_appending_with_a_stale_expected_version_then_it_conflicts_and_writes_nothing()
    {
        var id = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
        await Log.AppendAsync(id, 1, [SampleEvents.Updated(id, "first")], default);

        var conflict = Assert.ThrowsAsync<ConcurrencyConflictException>(() => Log.AppendAsync(id, 1, [SampleEvents.Updated(id, "stale")], default));
        Assert.Multiple(async () =>
        {
            Assert.That(conflict!.ActualVersion, Is.EqualTo(2));
            Assert.That(await Log.HeadPositionAsync(default), Is.EqualTo(2));
            Assert.That((await IncidentTimeline.ReadAsync(Log, id, default)).Count, Is.EqualTo(2), "read models untouched");
        });
    }

    [Test]
    public async Task When_appending_to_several_streams_at_once_then_all_are_written_or_none_and_the_conflict_names_its_stream()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        await Log.AppendAsync(b, ExpectedVersion.NoStream, [SampleEvents.Reported(b)], default);
        await Log.AppendAsync(b, 1, [SampleEvents.Updated(b, "someone else's change")], default);

        // b is at version 2, not 1: a's report, though checked first and fine, must not be written either.
        var conflict = Assert.ThrowsAsync<ConcurrencyConflictException>(() => Log.AppendAllAsync(
            [new(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a)]), new(b, 1, [SampleEvents.Updated(b, "stale")])], default));
        var afterConflict = await Log.ReadAfterAsync(0, 100, default);
        var timelineAfterConflict = await IncidentTimeline.ReadAsync(Log, a, default);

        var parts = new StreamAppend[]
        {
            new(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a), SampleEvents.Alerted(a, "ncem")]),
            new(b, 2, [SampleEvents.Updated(b, "made from the latest")]),
            new(c, ExpectedVersion.NoStream, [SampleEvents.Reported(c)]),
        };
        var written = await Log.AppendAllAsync(parts, default);
        var again = await Log.AppendAllAsync(parts, default);

        Assert.Multiple(async () =>
        {
            Assert.That((conflict!.StreamId, conflict.ExpectedVersion, conflict.ActualVersion), Is.EqualTo(((Guid?)b, (int?)1, (int?)2)));
            Assert.That(afterConflict.Select(e => e.IncidentId), Is.EqualTo(new[] { b, b }), "nothing of a written");
            Assert.That(timelineAfterConflict, Is.Empty, "nor of its read models");
            Assert.That(written.Select(r => (r.FirstPosition, r.LastPosition, r.LastVersion)), Is.EqualTo(new[] { (3L, 4L, 2), (5L, 5L, 3), (6L, 6L, 1) }));
            Assert.That(again, Is.EqualTo(written.Select(r => r with { WasDuplicate = true })), "sent again, found, not written twice");
            Assert.That(await Log.HeadPositionAsync(default), Is.EqualTo(6));
            Assert.That((await Log.VerifyAsync(default)).IsValid, Is.True);
        });
    }

    [Test]
    public async Task When_the_last_part_of_an_append_over_several_streams_fails_while_writing_then_none_of_its_parts_is_stored_and_the_commit_it_shared_is_whole()
    {
        // Its first two streams are written before the third's second alert of the same agency is refused by the inbox:
        // the batch must be written again without any of the three, not with the first two.
        var fresh = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var good = fresh.Take(10).Select(Report).ToList();
        var bad = Log.AppendAllAsync(
        [
            new(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a)]),
            new(b, ExpectedVersion.NoStream, [SampleEvents.Reported(b), SampleEvents.Alerted(b, "ncem")]),
            new(c, ExpectedVersion.NoStream, [SampleEvents.Reported(c), SampleEvents.Alerted(c, "ncem"), SampleEvents.Alerted(c, "ncem")]),
        ], default);
        good.AddRange(fresh.Skip(10).Select(Report));
        await Task.WhenAll(good.Append(bad.ContinueWith(_ => { }, TaskScheduler.Default)));

        // Then a request whose first part is already stored and whose second is not: a conflict, nothing written.
        var d = Guid.NewGuid();
        await Log.AppendAsync(d, ExpectedVersion.NoStream, [SampleEvents.Reported(d)], default);
        var update = SampleEvents.Updated(d, "sent once");
        await Log.AppendAsync(d, 1, [update], default);
        var partly = Assert.ThrowsAsync<ConcurrencyConflictException>(() => Log.AppendAllAsync(
            [new(d, 1, [update]), new(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a)])], default));

        var entries = await Log.ReadAfterAsync(0, 1000, default);
        await using var connection = Dialect.CreateConnection();
        var boards = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM incident_board");
        Assert.Multiple(async () =>
        {
            Assert.That(bad.Exception?.InnerException, Is.InstanceOf<DbException>(), "the broken append failed");
            Assert.That(good.All(t => t.IsCompletedSuccessfully && t.Result.LastPosition - t.Result.FirstPosition == 1), Is.True, "every other append stored whole");
            Assert.That(entries.Any(e => e.IncidentId == a || e.IncidentId == b || e.IncidentId == c), Is.False, "nothing of any part of the failed append");
            Assert.That(entries.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, 40 + 2).Select(i => (long)i)), "no gaps");
            Assert.That(boards, Is.EqualTo(21), "nor of its read models");
            Assert.That(partly!.StreamId, Is.EqualTo(d), "the part already stored is named");
            Assert.That((await Log.VerifyAsync(default)).IsValid, Is.True);
        });

        Task<AppendResult> Report(Guid id) => Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id), SampleEvents.Alerted(id, "ncem")], default);
    }

    [Test]
    public async Task When_reporting_an_incident_id_that_exists_then_it_conflicts()
    {
        var id = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
        Assert.ThrowsAsync<ConcurrencyConflictException>(() => Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default));
        Assert.That(await Log.HeadPositionAsync(default), Is.EqualTo(1));
    }

    [Test]
    public async Task When_an_event_id_is_appended_again_then_nothing_is_written_and_the_stored_position_returns()
    {
        var id = Guid.NewGuid();
        var report = SampleEvents.Reported(id);
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [report], default);
        var alerts = new[] { SampleEvents.Alerted(id, "ncem"), SampleEvents.Alerted(id, "ambulance") };
        var stored = await Log.AppendAsync(id, ExpectedVersion.Any, alerts, default);

        var again = await Log.AppendAsync(id, ExpectedVersion.Any, alerts, default);
        var reportAgain = await Log.AppendAsync(id, ExpectedVersion.NoStream, [report], default);

        Assert.Multiple(async () =>
        {
            Assert.That(again, Is.EqualTo(stored with { WasDuplicate = true }));
            Assert.That((reportAgain.FirstPosition, reportAgain.WasDuplicate), Is.EqualTo((1L, true)));
            Assert.That(await Log.HeadPositionAsync(default), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task When_an_event_id_is_reused_for_another_incident_then_it_conflicts()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        await Log.AppendAsync(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a, eventId: eventId)], default);
        Assert.ThrowsAsync<ConcurrencyConflictException>(() => Log.AppendAsync(b, ExpectedVersion.NoStream, [SampleEvents.Reported(b, eventId: eventId)], default));
        Assert.That(await Log.HeadPositionAsync(default), Is.EqualTo(1));
    }

    [Test]
    public async Task When_reading_after_a_position_then_pages_come_in_order_and_an_incident_reads_alone()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await Log.AppendAsync(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a)], default);
        await Log.AppendAsync(b, ExpectedVersion.NoStream, [SampleEvents.Reported(b)], default);
        await Log.AppendAsync(a, ExpectedVersion.Any, [SampleEvents.Alerted(a, "ncem"), SampleEvents.Acknowledged(a, "ncem")], default);

        var page = await Log.ReadAfterAsync(1, 2, default);
        var incident = await Log.ReadIncidentAsync(a, default);
        Assert.Multiple(() =>
        {
            Assert.That(page.Select(e => e.Position), Is.EqualTo(new[] { 2L, 3L }));
            Assert.That(incident.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.IncidentReported, EventTypes.AgencyAlerted, EventTypes.AlertAcknowledged }));
            Assert.That(incident.Select(e => e.Version), Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }

    [Test]
    public async Task The_relays_tail_read_gives_what_reading_back_gives_and_skips_no_position_another_writer_appended()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        // The relay follows the log from its start; what is appended from then on is held for it.
        Assert.That(await Log.ReadTailAfterAsync(0, 500, default), Is.Empty);
        await Log.AppendAsync(a, ExpectedVersion.NoStream, [SampleEvents.Reported(a), SampleEvents.Alerted(a, "ncem")], default);
        // Another writer on the same database (another hub), whose appends this log never held in memory.
        using (var other = new EventLogStore(Dialect, new ReadModelProjector(), new AppendSignal(), TimeProvider.System))
        {
            await other.AppendAsync(b, ExpectedVersion.NoStream, [SampleEvents.Reported(b)], default);
        }

        await Log.AppendAsync(a, ExpectedVersion.Any, [SampleEvents.Acknowledged(a, "ncem")], default);

        var followed = new List<LogEntry>();
        for (var page = await Log.ReadTailAfterAsync(0, 500, default); page.Count > 0; page = await Log.ReadTailAfterAsync(followed[^1].Position, 500, default))
        {
            followed.AddRange(page);
        }

        var readBack = await Log.ReadAfterAsync(0, 500, default);
        static object Shape(LogEntry e) => (e.Position, e.IncidentId, e.Version, e.EventId, e.Type, e.Data.GetRawText(), e.Metadata, e.RecordedAt);
        Assert.That(followed.Select(Shape), Is.EqualTo(readBack.Select(Shape)));
        Assert.That(followed.Select(e => e.Position), Is.EqualTo(new[] { 1L, 2L, 3L, 4L }));
    }

    [Test]
    public async Task When_text_is_Arabic_or_hostile_then_it_is_stored_and_read_back_exactly()
    {
        const string title = "انهيار سد <script>alert('x')</script> '; DELETE FROM event_log; -- \u200F";
        var id = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id, title)], default);

        var entry = (await Log.ReadIncidentAsync(id, default)).Single();
        var board = await new ReadModels(Dialect).GetIncidentAsync(id, default);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Data.GetProperty("title").GetString(), Is.EqualTo(title));
            Assert.That(board!.Title, Is.EqualTo(title));
        });
    }

    [Test]
    public async Task When_the_log_is_untouched_then_it_verifies()
    {
        await AppendSampleIncidents(5);
        var result = await Log.VerifyAsync(default);
        Assert.That(result, Is.EqualTo(new VerificationResult(true, 15, null, null)));
    }

    [Test]
    public async Task When_anyone_updates_or_deletes_a_row_then_the_database_refuses()
    {
        await AppendSampleIncidents(1);
        await using var connection = Dialect.CreateConnection();
        await connection.OpenAsync();
        Assert.Multiple(() =>
        {
            Assert.That(async () => await connection.ExecuteAsync("UPDATE event_log SET data = '{}' WHERE position = 1"), Throws.InstanceOf<DbException>());
            Assert.That(async () => await connection.ExecuteAsync("DELETE FROM event_log WHERE position = 1"), Throws.InstanceOf<DbException>());
        });
        Assert.That((await Log.VerifyAsync(default)).IsValid, Is.True);
    }

    [Test]
    public async Task When_a_row_is_edited_behind_the_logs_back_then_the_verifier_names_that_position()
    {
        await AppendSampleIncidents(4);
        await using (var connection = Dialect.CreateConnection())
        {
            await connection.OpenAsync();
            var original = await connection.ExecuteScalarAsync<string>("SELECT data FROM event_log WHERE position = 7");
            await TamperAsync(connection, 7, original!.Replace("Extreme", "Minor", StringComparison.Ordinal));
        }

        var result = await Log.VerifyAsync(default);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.FirstBadPosition, Is.EqualTo(7));
            Assert.That(result.Problem, Does.Contain("hash"));
        });
    }

    [Test]
    public async Task When_the_read_models_are_rebuilt_from_the_log_then_they_are_identical()
    {
        await AppendSampleIncidents(6);
        var before = await DumpReadModels();
        var replayed = await new ProjectionRebuilder(Dialect).RebuildAsync(default);
        var after = await DumpReadModels();
        Assert.Multiple(() =>
        {
            Assert.That(replayed, Is.EqualTo(18));
            Assert.That(after, Is.EqualTo(before));
            Assert.That(before, Does.Contain("Acknowledged"));
        });
    }

    [Test]
    public async Task When_a_plan_s_tasks_are_logged_then_each_agency_sees_only_its_own_and_a_rebuild_keeps_it_so()
    {
        var id = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
        await Log.AppendAsync(id, ExpectedVersion.Any, [SampleEvents.Alerted(id, "ncem"), SampleEvents.Alerted(id, "civil-defence")], default);
        await Log.AppendAsync(id, ExpectedVersion.Any, [SampleEvents.TaskAssigned(id, "ncem", "ncem-operations-room"), SampleEvents.TaskAssigned(id, "civil-defence", "cd-swift-water-rescue")], default);
        await Log.AppendAsync(id, ExpectedVersion.Any, [SampleEvents.TaskAcknowledged(id, "civil-defence", "cd-swift-water-rescue")], default);
        var updated = await Log.AppendAsync(id, ExpectedVersion.Any, [SampleEvents.Updated(id, "المياه تنحسر")], default);

        // A view of its own each time: one kept across the rebuild would answer the heads from what it kept.
        async Task<string> Seen(string agency)
        {
            var view = new AgencyView(Dialect);
            return string.Join(",", (await view.ReadAsync(agency, 0, updated.LastPosition, 100, default)).Select(e => $"{e.Position}:{e.Type}")) +
                $"|previous {await view.PreviousPositionAsync(agency, updated.LastPosition, default)}|head {await view.PreviousPositionAsync(agency, updated.LastPosition + 1, default)}";
        }

        var ncem = await Seen("ncem");
        var civilDefence = await Seen("civil-defence");
        await new ProjectionRebuilder(Dialect).RebuildAsync(default);
        var ncemRebuilt = await Seen("ncem");
        var civilDefenceRebuilt = await Seen("civil-defence");
        Assert.Multiple(() =>
        {
            Assert.That(ncem, Is.EqualTo("2:AgencyAlerted,3:AgencyAlerted,4:TaskAssigned,7:IncidentUpdated|previous 4|head 7"), "NCEM's task, not Civil Defence's or its step");
            Assert.That(civilDefence, Is.EqualTo("3:AgencyAlerted,5:TaskAssigned,6:TaskAcknowledged,7:IncidentUpdated|previous 6|head 7"));
            Assert.That(ncemRebuilt, Is.EqualTo(ncem), "rebuilt from the log alike");
            Assert.That(civilDefenceRebuilt, Is.EqualTo(civilDefence));
        });
    }

    [Test]
    public async Task When_the_log_grows_then_what_one_view_keeps_of_each_agency_answers_as_the_whole_history_does()
    {
        // One view lives through every step, as the hub's does, answering each agency's latest position from what it
        // kept plus the entries since; a new view at each step answers from the whole history. They must agree at every
        // position, through tasks of another agency, a revoked clearance, a clearance granted again and a risk's audience.
        var live = new AgencyView(Dialect);
        var byAlerts = new AgencyView(Dialect, recentRange: 0);
        string[] agencies = ["ncem", "civil-defence", "red-crescent", "coast-guard"];
        var (flood, second, risk) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        (Guid Stream, NewEvent[] Events)[] steps =
        [
            (flood, [SampleEvents.Reported(flood)]),
            (flood, [SampleEvents.Alerted(flood, "ncem"), SampleEvents.Alerted(flood, "civil-defence")]),
            (flood, [SampleEvents.TaskAssigned(flood, "civil-defence", "cd-swift-water-rescue")]),
            (flood, [SampleEvents.Acknowledged(flood, "ncem")]),
            (flood, [SampleEvents.ClearanceRevoked(flood, "civil-defence", ["ncem"])]),
            (flood, [SampleEvents.Updated(flood, "المياه ترتفع")]),
            (second, [SampleEvents.Reported(second, "حريق في رأس لانوف", "ras-lanuf")]),
            (flood, [SampleEvents.Alerted(flood, "civil-defence", ruleId: AgencyAlerted.ClearanceRule)]),
            (risk, [SampleEvents.RiskReviewOverdue(risk, "red-crescent")]),
            (second, [SampleEvents.Alerted(second, "ncem")]),
            (risk, [SampleEvents.RiskReviewReminderSent(risk, "red-crescent")]),
            (flood, [SampleEvents.TaskAssigned(flood, "ncem", "ncem-operations-room")]),
        ];

        var disagreements = new List<string>();
        var head = 0L;
        var beforeRegrant = new AgencyView(Dialect);
        (AgencyHead Before, long PreviousAfter, long HistoryAfter, AgencyHead HeadAfter)? regrant = null;
        foreach (var (stream, events) in steps)
        {
            head = (await Log.AppendAsync(stream, ExpectedVersion.Any, events, default)).LastPosition;
            if (head == 8)
            {
                regrant = (await beforeRegrant.HeadAsync("civil-defence", head, default), 0, 0, null!);
            }
            else if (head == 9)
            {
                regrant = regrant!.Value with
                {
                    PreviousAfter = await beforeRegrant.PreviousPositionAsync("civil-defence", 9, default),
                    HistoryAfter = await new AgencyView(Dialect).PreviousPositionAsync("civil-defence", 9, default),
                    HeadAfter = await beforeRegrant.HeadAsync("civil-defence", head, default),
                };
            }

            foreach (var agency in agencies)
            {
                var kept = await live.PreviousPositionAsync(agency, head + 1, default);
                var history = await new AgencyView(Dialect).PreviousPositionAsync(agency, head + 1, default);
                if (kept != history)
                {
                    disagreements.Add($"{agency} at head {head}: kept {kept}, history {history}");
                }
            }
        }

        foreach (var agency in agencies)
        {
            for (var position = 1L; position <= head + 1; position++)
            {
                // Asked of a position before the one it has kept: answered from what it kept or from the history.
                var kept = await live.PreviousPositionAsync(agency, position, default);
                var history = await new AgencyView(Dialect).PreviousPositionAsync(agency, position, default);
                if (kept != history)
                {
                    disagreements.Add($"{agency} before {position}: kept {kept}, history {history}");
                }

                var fromRange = string.Join(",", (await live.ReadAsync(agency, position - 1, head, 100, default)).Select(e => e.Position));
                var fromAlerts = string.Join(",", (await byAlerts.ReadAsync(agency, position - 1, head, 100, default)).Select(e => e.Position));
                if (fromRange != fromAlerts)
                {
                    disagreements.Add($"{agency} after {position - 1}: read from the range {fromRange}, from the alerts {fromAlerts}");
                }
            }
        }

        var seen = string.Join(" ", await Task.WhenAll(agencies.Select(async a =>
            $"{a}:{string.Join(",", (await live.ReadAsync(a, 0, head, 100, default)).Select(e => e.Position))}")));
        // Asked of an earlier log head than one already read through, the later one answers, from what was kept.
        var ncemEarlier = await live.HeadAsync("ncem", 3, default);
        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Is.Empty);
            // What each sees, written out, so that agreeing on nothing cannot pass.
            Assert.That(seen, Is.EqualTo("ncem:2,3,5,6,7,9,11,13 civil-defence:9 red-crescent:10,12 coast-guard:"));
            Assert.That(ncemEarlier, Is.EqualTo(new AgencyHead(head, 13)));
            // A clearance granted again hides Civil Defence's old window (3 to 5) from the history. Kept through 8, the view
            // still answers 5 before the new alert: its clients hold 5, and a head never goes back below what was given.
            Assert.That(regrant!.Value.Before, Is.EqualTo(new AgencyHead(8, 5)));
            Assert.That((regrant.Value.PreviousAfter, regrant.Value.HistoryAfter), Is.EqualTo((5L, 0L)));
            Assert.That(regrant.Value.HeadAfter, Is.EqualTo(new AgencyHead(9, 9)), "carried to the new alert, the history's answer");
        });
    }

    [Test]
    public async Task When_an_incident_is_reported_alerted_and_acknowledged_then_the_board_and_inbox_show_it()
    {
        var id = Guid.NewGuid();
        await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
        await Log.AppendAsync(id, ExpectedVersion.Any, [SampleEvents.Alerted(id, "ncem"), SampleEvents.Alerted(id, "ambulance")], default);
        await Log.AppendAsync(id, 3, [SampleEvents.Acknowledged(id, "ncem")], default);

        var readModels = new ReadModels(Dialect);
        var board = await readModels.GetIncidentAsync(id, default);
        var inbox = await readModels.GetInboxAsync("ncem", 1000, default);
        var routedToRedCrescent = await readModels.ListIncidentsAsync(new BoardFilter(RoutedToAgency: "red-crescent"), default);
        Assert.Multiple(() =>
        {
            Assert.That(board!.Status, Is.EqualTo(IncidentStatus.Acknowledged));
            Assert.That((board.AlertsRaised, board.AlertsAcknowledged, board.Version), Is.EqualTo((2, 1, 4)));
            Assert.That(board.Reference, Is.EqualTo(IncidentReference.For(board.ReportedAt, id)).And.Match(@"^INC-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$"));
            Assert.That(inbox.Single().AcknowledgedBy, Is.EqualTo("liaison.ncem"));
            Assert.That(routedToRedCrescent, Is.Empty);
        });
    }

    [Test]
    public async Task When_many_writers_append_at_once_then_positions_have_no_gaps_and_the_chain_verifies()
    {
        var writers = Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 10; i++)
            {
                var id = Guid.NewGuid();
                await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id)], default);
            }
        });
        await Task.WhenAll(writers);

        var entries = await Log.ReadAfterAsync(0, 1000, default);
        Assert.Multiple(async () =>
        {
            Assert.That(entries.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, 80).Select(i => (long)i)));
            Assert.That((await Log.VerifyAsync(default)).IsValid, Is.True);
        });
    }

    [Test]
    public async Task When_appends_share_a_group_commit_then_a_conflict_or_duplicate_in_one_leaves_the_others_whole()
    {
        var existing = Guid.NewGuid();
        await Log.AppendAsync(existing, ExpectedVersion.NoStream, [SampleEvents.Reported(existing)], default);
        var shared = SampleEvents.Updated(existing, "same event sent twice at once");
        var fresh = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();

        // Started together, these land in shared transactions: 30 new reports, 20 stale appends, a duplicated update.
        var good = fresh.Select(id => Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id), SampleEvents.Alerted(id, "ncem")], default)).ToArray();
        var stale = Enumerable.Range(0, 20).Select(_ => Log.AppendAsync(existing, 0, [SampleEvents.Updated(existing, "stale")], default)).ToArray();
        var twice = new[] { Log.AppendAsync(existing, ExpectedVersion.Any, [shared], default), Log.AppendAsync(existing, ExpectedVersion.Any, [shared], default) };
        await Task.WhenAll(good.Concat(twice).Select(t => (Task)t).Concat(stale.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))));

        var twiceResults = await Task.WhenAll(twice);
        var entries = await Log.ReadAfterAsync(0, 1000, default);
        Assert.Multiple(async () =>
        {
            Assert.That(stale.All(t => t.IsFaulted && t.Exception!.InnerException is ConcurrencyConflictException), Is.True, "every stale append conflicted");
            Assert.That(good.All(t => t.IsCompletedSuccessfully && t.Result.LastPosition - t.Result.FirstPosition == 1), Is.True);
            Assert.That(twiceResults.Count(r => r.WasDuplicate), Is.EqualTo(1), "the same event id sent twice at once is stored once");
            Assert.That(entries.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, 1 + 60 + 1).Select(i => (long)i)), "no gaps, nothing partial");
            Assert.That(entries.Count(e => e.Type == EventTypes.IncidentUpdated), Is.EqualTo(1));
            Assert.That((await Log.VerifyAsync(default)).IsValid, Is.True);
        });
    }

    [Test]
    public async Task When_an_append_fails_halfway_through_a_shared_commit_then_only_it_is_lost()
    {
        // The broken request's report and first alert are written before its second alert of the same agency
        // is refused by the inbox, so the batch it shares must be rolled back and written again without it, not
        // committed with half of it. An append whose data cannot be read fails before it is queued.
        var fresh = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToArray();
        var broken = Guid.NewGuid();
        var unreadable = Guid.NewGuid();
        var good = fresh.Take(15).Select(Report).ToList();
        var bad = Log.AppendAsync(broken, ExpectedVersion.NoStream, [SampleEvents.Reported(broken), SampleEvents.Alerted(broken, "ncem"), SampleEvents.Alerted(broken, "ncem")], default);
        var garbled = Log.AppendAsync(unreadable, ExpectedVersion.NoStream, [SampleEvents.Reported(unreadable), new NewEvent(Guid.NewGuid(), EventTypes.AgencyAlerted, "{\"incidentId\": ", SampleEvents.Reported(unreadable).Metadata)], default);
        good.AddRange(fresh.Skip(15).Select(Report));
        await Task.WhenAll(good.Append(bad.ContinueWith(_ => { }, TaskScheduler.Default)).Append(garbled.ContinueWith(_ => { }, TaskScheduler.Default)));

        var entries = await Log.ReadAfterAsync(0, 1000, default);
        await using var connection = Dialect.CreateConnection();
        var alerts = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM alert_inbox");
        var boards = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM incident_board");
        Assert.Multiple(async () =>
        {
            Assert.That(bad.Exception?.InnerException, Is.InstanceOf<DbException>(), "the broken append failed");
            Assert.That(garbled.Exception?.InnerException, Is.InstanceOf<JsonException>(), "the unreadable append failed");
            Assert.That(good.All(t => t.IsCompletedSuccessfully && t.Result.LastPosition - t.Result.FirstPosition == 1), Is.True, "every other append stored whole");
            Assert.That(entries.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, 60).Select(i => (long)i)), "no gaps");
            Assert.That(entries.Any(e => e.IncidentId == broken || e.IncidentId == unreadable), Is.False, "nothing of the failed appends stored");
            Assert.That((alerts, boards), Is.EqualTo((30, 30)), "nor of their read models");
            Assert.That((await Log.VerifyAsync(default)).IsValid, Is.True);
        });

        Task<AppendResult> Report(Guid id) => Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id), SampleEvents.Alerted(id, "ncem")], default);
    }

    private async Task AppendSampleIncidents(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            await Log.AppendAsync(id, ExpectedVersion.NoStream, [SampleEvents.Reported(id, $"حادث {i}")], default);
            await Log.AppendAsync(id, ExpectedVersion.Any, [SampleEvents.Alerted(id, "ncem")], default);
            await Log.AppendAsync(id, 2, [SampleEvents.Acknowledged(id, "ncem")], default);
        }
    }

    private async Task<string> DumpReadModels()
    {
        await using var connection = Dialect.CreateConnection();
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var (table, order) in new[] { ("incident_board", "incident_id"), ("alert_inbox", "incident_id, agency") })
        {
            var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY {order}");
            parts.Add(table + ":" + JsonSerializer.Serialize(rows.Select(r => (IDictionary<string, object>)r)));
        }

        return string.Join("\n", parts);
    }
}
