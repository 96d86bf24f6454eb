using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Tests.Hub.Api;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Dispatch;

/// <summary>A contingency plan's task not completed by its due time escalates as an unacknowledged alert does, on a clock the test moves.</summary>
[TestFixture]
public sealed class TaskEscalationTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Coordination:Escalation:ScanInterval"] = "00:00:01",
        ["Coordination:Escalation:StepInterval"] = "00:05:00",
        // Far off, so the alerts' reminders stay out of the way.
        ["Coordination:Escalation:ReminderAfter"] = "1.00:00:00",
    };

    [Test]
    public async Task An_overdue_task_climbs_the_chain_once_per_step_live_across_a_restart_and_a_second_hub_and_a_completed_one_does_not()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Guid incidentId;
        IReadOnlyList<LogEntry> log;

        await using (var hub = await HubHost.StartAsync(data.Path, Settings, clock))
        {
            await using var commander = await hub.ConnectAsync("commander");
            await using var civilDefence = await hub.ConnectAsync("liaison.civil-defence");
            using var duty = await hub.ClientForAsync("duty.operator");
            using var ncem = await hub.ClientForAsync("liaison.ncem");
            incidentId = (await duty.PostOkAsync("api/incidents", PlanActivationTests.SevereDernaFlood())).GetProperty("incidentId").GetGuid();
            await commander.WaitUntilAsync(es => PlanActivationTests.Tasks(es, incidentId).Count == 8);
            // NCEM completes its operations room in time; acknowledging is not completing, so the evacuation warning still falls due.
            await ncem.PostOkAsync($"api/incidents/{incidentId}/plans/flood-derna/tasks/ncem-operations-room/complete", new { note = "الغرفة تعمل" });
            await ncem.PostOkAsync($"api/incidents/{incidentId}/plans/flood-derna/tasks/ncem-evacuation-warning/acknowledge", new { });

            // 29 minutes in: the two tasks due at 15 and 20 minutes are overdue, the ones due at 30 not yet.
            await AdvanceAsync(clock, TimeSpan.FromMinutes(29));
            await commander.WaitUntilAsync(es => Escalations(es).Any(e => e.TaskId == "ncem-evacuation-warning" && e.Level == 2));
            // What the client has so far may lag the log: after a scan at 29 minutes, the log holds everything due by then.
            await hub.ScanEscalationsAsync();
            var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(incidentId, default);
            Assert.That(Escalations(stream).Select(e => e.TaskId).Distinct(), Is.EqualTo(new[] { "ncem-evacuation-warning" }));

            // Past 30 minutes: the swift-water teams' task goes to Civil Defence's duty officer, and its liaison sees it live.
            await AdvanceAsync(clock, TimeSpan.FromMinutes(1.5));
            var escalated = await civilDefence.WaitUntilAsync(es => Escalations(es).Any(e => e.TaskId == "cd-swift-water-rescue"));
            var first = Escalations(escalated).Single(e => e.TaskId == "cd-swift-water-rescue");
            Assert.That((first.Level, first.EscalatedTo, first.Agency), Is.EqualTo((1, "agency duty officer", "civil-defence")));
            Assert.That(first.DueAt - Tasks(escalated).Single(t => t.TaskId == "cd-swift-water-rescue").AssignedAt, Is.EqualTo(TimeSpan.FromMinutes(30)).Within(TimeSpan.FromMilliseconds(1)), "the read model keeps times to the millisecond");
        }

        // A restart and a second hub on the same database, well past every step: each step once, none for the completed task.
        await using (var again = await HubHost.StartAsync(data.Path, Settings, clock))
        await using (var second = await HubHost.StartAsync(data.Path, Settings, clock))
        {
            await AdvanceAsync(clock, TimeSpan.FromMinutes(150));
            // Both scan now, racing each other and their own timers; once both return, any later scan only repeats an id.
            await Task.WhenAll(again.ScanEscalationsAsync(), second.ScanEscalationsAsync());
            // Read straight from the file: tokens are checked against the real clock, which this test left behind.
            using var store = new EventLogStore(new SqliteDialect(Path.Combine(data.Path, "coordination.db")), new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
            log = await store.ReadAfterAsync(0, 10_000, default);
        }

        var escalations = Escalations(log).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(escalations.Select(e => e.TaskId).Distinct(), Is.EquivalentTo(PlanDernaTaskIds.Except(["ncem-operations-room"])), "every open task, not the completed one");
            Assert.That(escalations, Has.Length.EqualTo(7 * 3), "seven open tasks, three steps each, once");
            Assert.That(escalations.GroupBy(e => (e.TaskId, e.Level)).All(g => g.Count() == 1), Is.True);
            Assert.That(escalations.All(e => e.StepDueAt == e.DueAt + (TimeSpan.FromMinutes(5) * (e.Level - 1))), Is.True);
            Assert.That(log.Where(e => e.Type == EventTypes.TaskEscalated).All(e => e.IncidentId == incidentId), Is.True);
        });
    }

    private static readonly string[] PlanDernaTaskIds =
        ["ncem-operations-room", "ncem-evacuation-warning", "cd-swift-water-rescue", "cd-search-collapsed", "ambulance-triage", "red-crescent-shelter", "municipality-roads", "security-cordon"];

    private static IEnumerable<TaskEscalated> Escalations(IEnumerable<LogEntry> entries) =>
        entries.Where(e => e.Type == EventTypes.TaskEscalated).Select(e => e.DataAs<TaskEscalated>());

    private static IEnumerable<TaskAssigned> Tasks(IEnumerable<LogEntry> entries) =>
        entries.Where(e => e.Type == EventTypes.TaskAssigned).Select(e => e.DataAs<TaskAssigned>());

    // Moves the clock in small steps, as real time would pass, so periodic timers fire along the way.
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by)
    {
        var step = TimeSpan.FromSeconds(30);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            clock.Advance(by - moved < step ? by - moved : step);
            await Task.Delay(20);
        }
    }
}
