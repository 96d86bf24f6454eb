using System.Collections.Concurrent;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Dispatch.Relay;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Hub.Api;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>
/// A contingency plan's task entries are seen, among an incident's agencies, only by the task's own agency (the duty
/// office and commanders see them all): live, in catch-up, in heartbeats and in the previous position each push carries,
/// one definition, so a liaison's client never sees a gap where another agency's task was skipped.
/// </summary>
[TestFixture]
public sealed class TaskVisibilityTests
{
    private const string FloodPlan = "flood-derna";

    [Test]
    public async Task A_liaison_receives_live_and_in_catch_up_only_its_own_agency_s_tasks_with_pushes_chained_without_a_gap_and_heartbeats_at_its_last_entry()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Realtime:HeartbeatInterval"] = "00:00:00.200" });
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        await using var commander = await hub.ConnectAsync("commander");
        var pushes = new ConcurrentQueue<(LogEntry[] Entries, long Previous)>();
        var ncemHeartbeats = new ConcurrentQueue<long>();
        var commanderHeartbeats = new ConcurrentQueue<long>();
        using var onPush = ncem.Connection.On<LogEntry[], long>(nameof(ICoordinationClient.EntriesAppended), (entries, previous) => pushes.Enqueue((entries, previous)));
        using var onNcemBeat = ncem.Connection.On<long>(nameof(ICoordinationClient.Heartbeat), ncemHeartbeats.Enqueue);
        using var onCommanderBeat = commander.Connection.On<long>(nameof(ICoordinationClient.Heartbeat), commanderHeartbeats.Enqueue);
        using var duty = await hub.ClientForAsync("duty.operator");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        var log = hub.Services.GetRequiredService<IEventLog>();

        var id = (await duty.PostOkAsync("api/incidents", PlanActivationTests.SevereDernaFlood())).GetProperty("incidentId").GetGuid();
        await ncem.WaitUntilAsync(es => PlanActivationTests.Tasks(es, id).Count == 2);
        var assigned = PlanActivationTests.Tasks(await log.ReadIncidentAsync(id, default), id);

        // Civil Defence takes its task on: the commander is told, NCEM is not.
        await civilDefence.PostOkAsync($"api/incidents/{id}/plans/{FloodPlan}/tasks/cd-swift-water-rescue/acknowledge", new { note = "الفرق في الطريق" });
        var cdAcknowledged = (await commander.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.TaskAcknowledged && e.IncidentId == id)))
            .Single(e => e.Type == EventTypes.TaskAcknowledged && e.IncidentId == id);

        // A heartbeat computed after it: the everything-group's reaches its position, NCEM's stays at NCEM's last entry.
        await Eventually.TrueAsync(() => commanderHeartbeats.Any(h => h >= cdAcknowledged.Position), "the commander's heartbeat at Civil Defence's step");
        var beatsThen = ncemHeartbeats.Count;
        await Eventually.TrueAsync(() => ncemHeartbeats.Count >= beatsThen + 2, "two more heartbeats to NCEM");
        var ncemBeat = ncemHeartbeats.Last();
        var lastBeforeUpdate = ncem.LastPosition;

        // A later entry every alerted agency sees: its arrival proves nothing more was pushed before it.
        await duty.PostOkAsync($"api/incidents/{id}/updates", new { text = "منسوب المياه يرتفع في حي البلاد" });
        var applied = await ncem.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.IncidentUpdated && e.IncidentId == id));
        // The client's own handler applies a push before this test's handler sees it: wait for the push itself.
        await Eventually.TrueAsync(() => pushes.Any(p => p.Entries.Any(e => e.Type == EventTypes.IncidentUpdated && e.IncidentId == id)), "NCEM's push of the update");
        var caughtUp = await ncemApi.ReadLogAsync();
        var chain = pushes.ToArray();
        using var commanderApi = await hub.ClientForAsync("commander");
        var ncemTimeline = await TimelineTasksAsync(ncemApi, id);
        var commanderTimeline = await TimelineTasksAsync(commanderApi, id);

        Assert.Multiple(() =>
        {
            Assert.That(assigned.Select(t => t.Agency).Distinct().Count(), Is.EqualTo(6), "the plan gives six agencies tasks");
            Assert.That(applied.Where(e => OwnAgencyTypes.Contains(e.Type)).Select(e => (e.Type, Agency: e.Data.GetProperty("agency").GetString())),
                Is.EqualTo(new[] { (EventTypes.TaskAssigned, "ncem"), (EventTypes.TaskAssigned, "ncem") }), "NCEM's two tasks and no other agency's task entry");
            Assert.That(applied.Select(e => e.Type), Does.Contain(EventTypes.PlanActivated), "the activation is every alerted agency's");
            Assert.That(applied[^1].Type, Is.EqualTo(EventTypes.IncidentUpdated), "nothing arrived after the update");
            Assert.That(caughtUp.Select(e => e.Position), Is.EqualTo(applied.Select(e => e.Position)), "catch-up from 0 holds exactly what was pushed");
            Assert.That(chain.SelectMany(p => p.Entries).Select(e => e.Position), Is.EqualTo(applied.Select(e => e.Position)), "every entry came live");
            // The client's own rule: a push whose previous position is not the last one it holds sends it back to the log.
            // (Its gap counter is not asserted: a heartbeat read between a commit and its push also counts there.)
            Assert.That(chain[0].Previous, Is.Zero);
            for (var i = 1; i < chain.Length; i++)
            {
                Assert.That(chain[i].Previous, Is.EqualTo(chain[i - 1].Entries[^1].Position), $"push {i} follows the one before it: no re-sync");
            }

            Assert.That(ncemBeat, Is.EqualTo(lastBeforeUpdate), "NCEM's heartbeat is its own last entry");
            Assert.That(ncemBeat, Is.LessThan(cdAcknowledged.Position));
            Assert.That(ncemTimeline, Is.EqualTo(new[] { EventTypes.TaskAssigned, EventTypes.TaskAssigned }), "the incident's timeline read by NCEM: its own tasks only");
            Assert.That(commanderTimeline, Has.Length.EqualTo(assigned.Count + 1), "the commander's: every task and Civil Defence's step");
            Assert.That(commander.Applied.Count(e => e.Type == EventTypes.TaskAssigned && e.IncidentId == id), Is.EqualTo(assigned.Count), "the commander sees every task");
        });
    }

    [Test]
    public async Task After_a_restart_the_first_push_s_previous_position_skips_another_agency_s_task_entries()
    {
        using var data = new TempDirectory();
        Guid id;
        long ncemLast;
        await using (var hub = await HubHost.StartAsync(data.Path))
        {
            using var duty = await hub.ClientForAsync("duty.operator");
            using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
            id = (await duty.PostOkAsync("api/incidents", PlanActivationTests.SevereDernaFlood())).GetProperty("incidentId").GetGuid();
            await civilDefence.PostOkAsync($"api/incidents/{id}/plans/{FloodPlan}/tasks/cd-swift-water-rescue/complete", new { note = "أُنقذ 37 شخصاً" });
            var entries = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(id, default);
            Assert.That(entries[^1].Type, Is.EqualTo(EventTypes.TaskCompleted), "Civil Defence's step is the log's last entry");
            ncemLast = entries.Last(e => !OwnAgencyTypes.Contains(e.Type) || e.Data.GetProperty("agency").GetString() == "ncem").Position;
        }

        // A new hub knows no agency's last push: the previous position is read from the database. On the in-memory bus
        // it first republishes what its routing may not have finished, which may reach NCEM too; the update is appended
        // once that is out, so it travels in a page of its own and is the push looked at.
        await using var again = await HubHost.StartAsync(data.Path);
        var relay = again.Services.GetRequiredService<LogRelay>();
        var head = await again.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);
        await Eventually.TrueAsync(() => relay.PublishedPosition >= head, "the restarted relay's republishing");
        await using var ncem = await again.ConnectAsync("liaison.ncem");
        var pushes = new ConcurrentQueue<(LogEntry[] Entries, long Previous)>();
        using var onPush = ncem.Connection.On<LogEntry[], long>(nameof(ICoordinationClient.EntriesAppended), (entries, previous) => pushes.Enqueue((entries, previous)));
        using var dutyAgain = await again.ClientForAsync("duty.operator");
        await dutyAgain.PostOkAsync($"api/incidents/{id}/updates", new { text = "المياه تنحسر" });
        // The push itself, not the client's copy: the client's own handler applies it before this test's handler runs.
        await Eventually.TrueAsync(() => pushes.Any(p => p.Entries.Any(e => e.Type == EventTypes.IncidentUpdated)), "NCEM's push of the update");
        var update = pushes.Single(p => p.Entries.Any(e => e.Type == EventTypes.IncidentUpdated));

        Assert.Multiple(() =>
        {
            Assert.That(update.Entries.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.IncidentUpdated }));
            Assert.That(update.Previous, Is.EqualTo(ncemLast), "the push follows NCEM's own last entry, not Civil Defence's");
            Assert.That(ncem.Applied.Where(e => OwnAgencyTypes.Contains(e.Type)).Select(e => e.Data.GetProperty("agency").GetString()).Distinct(), Is.EqualTo(new[] { "ncem" }));
        });
    }

    private static readonly string[] OwnAgencyTypes =
        [EventTypes.TaskAssigned, EventTypes.TaskAcknowledged, EventTypes.TaskProgressed, EventTypes.TaskCompleted, EventTypes.TaskEscalated];

    private static async Task<string[]> TimelineTasksAsync(HttpClient reader, Guid id) =>
        [.. (await reader.GetOkAsync($"api/incidents/{id}")).GetProperty("timeline").EnumerateArray()
            .Select(t => t.GetProperty("type").GetString()!).Where(OwnAgencyTypes.Contains)];
}
