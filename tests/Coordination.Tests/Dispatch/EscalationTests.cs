using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Dispatch;

/// <summary>Escalation and reminders, on a clock the test moves (no sleeping through real minutes).</summary>
[TestFixture]
public sealed class EscalationTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Coordination:Escalation:ScanInterval"] = "00:00:01",
        ["Coordination:Escalation:StepInterval"] = "00:05:00",
        ["Coordination:Escalation:ReminderAfter"] = "00:30:00",
    };

    [Test]
    public async Task An_unacknowledged_alert_climbs_the_chain_once_per_step_and_a_quiet_one_gets_reminders_across_restarts_and_hubs()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        IReadOnlyList<LogEntry> log;
        Guid incidentId;

        await using (var hub = await HubHost.StartAsync(data.Path, Settings, clock))
        {
            await using var commander = await hub.ConnectAsync("commander");
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            using var ncemApi = await hub.ClientForAsync("liaison.ncem");
            incidentId = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
            await commander.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 6);
            await ncemApi.PostOkAsync($"api/incidents/{incidentId}/acknowledge", new { note = "تم الاستلام" });

            // Extreme: two minutes to acknowledge. One minute in, nothing is due: after a scan at that time, none in the log.
            await AdvanceAsync(clock, TimeSpan.FromMinutes(1));
            await hub.ScanEscalationsAsync();
            Assert.That((await ReadIncidentAsync(hub, incidentId)).Count(e => e.Type == EventTypes.AlertEscalated), Is.Zero);

            // Past the deadline: every agency that has not acknowledged goes to its duty officer, live.
            await AdvanceAsync(clock, TimeSpan.FromMinutes(1.1));
            var level1 = await commander.WaitUntilAsync(es => Escalations(es).Count(e => e.Level == 1) == 5);
            Assert.That(Escalations(level1).Select(e => e.Agency), Does.Not.Contain("ncem"));

            await AdvanceAsync(clock, TimeSpan.FromMinutes(5));
            await commander.WaitUntilAsync(es => Escalations(es).Count(e => e.Level == 2) == 5);
            await AdvanceAsync(clock, TimeSpan.FromMinutes(5));
            await commander.WaitUntilAsync(es => Escalations(es).Count(e => e.Level == 3) == 5);
            Assert.That(Escalations(commander.Applied).Single(e => e.Agency == "civil-defence" && e.Level == 3).EscalatedTo, Is.EqualTo("duty office and commanders"));

            // Thirty minutes after NCEM's acknowledgement with nothing posted since: a reminder.
            await AdvanceAsync(clock, TimeSpan.FromMinutes(19));
            await commander.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.AlertReminderSent));
        }

        // A restart, and a second hub on the same database, scan the same deadlines again: nothing repeats.
        await using (var again = await HubHost.StartAsync(data.Path, Settings, clock))
        await using (var second = await HubHost.StartAsync(data.Path, Settings, clock))
        {
            await AdvanceAsync(clock, TimeSpan.FromSeconds(5));
            // Both scan now, racing each other and their own timers; once both return, any later scan only repeats an id.
            await Task.WhenAll(again.ScanEscalationsAsync(), second.ScanEscalationsAsync());
            // Read straight from the file: tokens are checked against the real clock, which this test left behind.
            using var store = new EventLogStore(new SqliteDialect(Path.Combine(data.Path, "coordination.db")), new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
            log = await store.ReadAfterAsync(0, 10_000, default);
        }

        var escalations = Escalations(log).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(escalations, Has.Length.EqualTo(15), "five agencies, three steps each, once");
            Assert.That(escalations.GroupBy(e => (e.Agency, e.Level)).All(g => g.Count() == 1), Is.True);
            Assert.That(log.Count(e => e.Type == EventTypes.AlertReminderSent), Is.EqualTo(1));
            Assert.That(log.Where(e => e.Type is EventTypes.AlertEscalated or EventTypes.AlertReminderSent).All(e => e.IncidentId == incidentId), Is.True);
        });
    }

    [Test]
    public async Task An_update_from_the_agency_resets_its_reminders_and_a_closed_incident_is_left_alone()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartAsync(data.Path, Settings, clock);
        await using var commander = await hub.ConnectAsync("commander");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var ambulanceApi = await hub.ClientForAsync("liaison.ambulance");
        var id = (await operatorApi.PostOkAsync("api/incidents", new { hazard = "TransportAccident", severity = "Severe", title = "حادث مروري على الطريق الساحلي", district = "misrata" }))
            .GetProperty("incidentId").GetGuid();
        await commander.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 2);
        await ambulanceApi.PostOkAsync($"api/incidents/{id}/acknowledge", new { });

        await AdvanceAsync(clock, TimeSpan.FromMinutes(25));
        await ambulanceApi.PostOkAsync($"api/incidents/{id}/updates", new { text = "نقل ثلاثة مصابين إلى مستشفى مصراتة" });
        await AdvanceAsync(clock, TimeSpan.FromMinutes(25));
        await hub.ScanEscalationsAsync();
        Assert.That((await ReadIncidentAsync(hub, id)).Count(e => e.Type == EventTypes.AlertReminderSent && e.DataAs<AlertReminderSent>().Agency == "ambulance"), Is.Zero,
            "the update is activity: 25 minutes since it, no reminder yet");

        await AdvanceAsync(clock, TimeSpan.FromMinutes(6));
        await commander.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.AlertReminderSent && e.DataAs<AlertReminderSent>().Agency == "ambulance"));

        // Everything due before the close is in the log first, so a scan still running then adds nothing new after it.
        await hub.ScanEscalationsAsync();
        await operatorApi.PostOkAsync($"api/incidents/{id}/status", new { status = "Closed" });
        var before = FollowUps(await ReadIncidentAsync(hub, id));
        await AdvanceAsync(clock, TimeSpan.FromHours(3));
        await hub.ScanEscalationsAsync();
        Assert.That(FollowUps(await ReadIncidentAsync(hub, id)), Is.EqualTo(before), "three hours on, a closed incident gets no reminder or escalation");

        static int FollowUps(IEnumerable<LogEntry> stream) => stream.Count(e => e.Type is EventTypes.AlertEscalated or EventTypes.AlertReminderSent);
    }

    [Test]
    public async Task An_agency_cleared_after_the_report_is_escalated_like_any_alert_and_a_revoked_one_is_left_alone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartFreshAsync(Settings, clock);
        await using var commander = await hub.ConnectAsync("commander");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        var incidentId = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title = "تهديد لمنشأة نفطية", district = "wahat",
            classification = "Restricted", clearedAgencies = new[] { "ncem", "civil-defence" },
        })).GetProperty("incidentId").GetGuid();
        await ncemApi.PostOkAsync($"api/incidents/{incidentId}/acknowledge", new { });
        await operatorApi.PostOkAsync($"api/incidents/{incidentId}/clearance", new { grant = new[] { "ambulance" }, revoke = new[] { "civil-defence" }, reason = "تغيّرت الحاجة" });

        // Severe: five minutes to acknowledge, from the report for civil defence, from the grant for the ambulance service.
        await AdvanceAsync(clock, TimeSpan.FromMinutes(5.1));
        await commander.WaitUntilAsync(es => Escalations(es).Any(e => e.Agency == "ambulance" && e.Level == 1));
        // A step later the ambulance service climbs again; civil defence, overdue since the first scan, would be there by now.
        await AdvanceAsync(clock, TimeSpan.FromMinutes(5));
        var applied = await commander.WaitUntilAsync(es => Escalations(es).Any(e => e.Agency == "ambulance" && e.Level == 2));
        Assert.That(Escalations(applied).Select(e => e.Agency), Is.All.EqualTo("ambulance"), "neither the revoked agency nor the one that acknowledged is escalated");
    }

    private static Task<IReadOnlyList<LogEntry>> ReadIncidentAsync(HubHost hub, Guid incidentId) =>
        hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(incidentId, default);

    private static IEnumerable<AlertEscalated> Escalations(IEnumerable<LogEntry> entries) =>
        entries.Where(e => e.Type == EventTypes.AlertEscalated).Select(e => e.DataAs<AlertEscalated>());

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
