using System.Globalization;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd;

/// <summary>Agencies' own systems read durable queues of their own on RabbitMQ, filled from the log by what each agency may see.</summary>
[TestFixture]
[NonParallelizable]
public sealed class AgencyBusTests : RabbitMqFixture
{
    private const string AlertedUrn = "urn:message:Coordination.Agencies.Contracts.Bus:AgencyEntry[[Coordination.Agencies.Contracts.Alerts:AgencyAlerted]]";

    private Dictionary<string, string?> Settings()
    {
        var settings = BusSettings();
        settings["Coordination:AgencyBus:Agencies:0"] = "ncem";
        settings["Coordination:AgencyBus:Agencies:1"] = "security-tripoli";
        settings["Coordination:Security:ReportsPerMinute"] = "10000";
        return settings;
    }

    private static string Queue(Dictionary<string, string?> settings, string agency) =>
        AgencyQueues.Entries(settings["Coordination:Bus:QueuePrefix"]!, agency);

    [Test]
    public async Task A_flood_in_Derna_reaches_NCEM_s_queue_and_not_Tripoli_security_s_and_a_restricted_incident_only_the_cleared_agency_s()
    {
        var settings = Settings();
        await using var hub = await HubHost.StartFreshAsync(settings);
        await using var ncem = await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "ncem"));
        await using var tripoliSecurity = await AgencyQueueReader.StartAsync(Broker.AmqpPort, Queue(settings, "security-tripoli"));
        using var operatorApi = await hub.ClientForAsync("duty.operator");

        const string title = "فيضان في درنة: انهيار سدَّي وادي درنة";
        var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title))).GetProperty("incidentId").GetGuid();
        var restricted = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "ArmedClash", severity = "Severe", title = "تهديد لمنشأة في طرابلس", district = "tripoli",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetGuid();
        // Reported last: once Tripoli security's queue holds its alert, anything else owed to that queue came before it.
        var clash = (await operatorApi.PostOkAsync("api/incidents", Clash(0))).GetProperty("incidentId").GetGuid();

        var security = await tripoliSecurity.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == clash && m.Type == EventTypes.AgencyAlerted));
        var ncemReceived = await ncem.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == restricted && m.Type == EventTypes.AgencyAlerted));

        using var commander = await hub.ClientForAsync("commander");
        var log = await commander.ReadLogAsync();
        var floodAlert = log.Single(e => e.IncidentId == flood && e.Type == EventTypes.AgencyAlerted && e.Data.GetProperty("agency").GetString() == "ncem");
        var delivered = ncemReceived.Single(m => m.Position == floodAlert.Position);
        Assert.Multiple(() =>
        {
            Assert.That(delivered.MessageTypes, Does.Contain(AlertedUrn), "a typed AgencyEntry<AgencyAlerted>");
            Assert.That(delivered.Data.GetProperty("title").GetString(), Is.EqualTo(title), "Arabic arrives exactly");
            Assert.That(delivered.Message.GetProperty("version").GetInt32(), Is.EqualTo(floodAlert.Version));
            Assert.That(delivered.Message.GetProperty("eventId").GetGuid(), Is.EqualTo(floodAlert.EventId));
            Assert.That(ncemReceived.Select(m => m.Position), Is.Unique.And.Ordered.Ascending);
            Assert.That(security.Where(m => IncidentOf(m) == flood), Is.Empty, "Tripoli's security directorate is not routed a flood in Derna");
            Assert.That(security.Where(m => IncidentOf(m) == restricted), Is.Empty, "a restricted incident reaches only the agencies cleared for it");
            Assert.That(ncemReceived.Count(m => IncidentOf(m) == restricted && m.Type == EventTypes.AgencyAlerted), Is.EqualTo(1), "NCEM, cleared, is alerted");
        });
    }

    [Test]
    public async Task A_subscriber_stopped_for_200_reports_and_a_hub_restart_gets_every_entry_it_is_owed_once_in_order()
    {
        var settings = Settings();
        using var folder = new TempDirectory();
        var queue = Queue(settings, "security-tripoli");
        List<AgencyQueueReader.Delivered> received;
        await using (var hub = await HubHost.StartAsync(folder.Path, settings))
        {
            var reader = await AgencyQueueReader.StartAsync(Broker.AmqpPort, queue);
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            var first = (await operatorApi.PostOkAsync("api/incidents", Clash(-1))).GetProperty("incidentId").GetGuid();
            received = [.. await reader.WaitUntilAsync(r => r.Any(m => IncidentOf(m) == first))];
            await reader.DisposeAsync();

            for (var i = 0; i < 100; i++)
            {
                await operatorApi.PostOkAsync("api/incidents", Clash(i));
            }
        }

        // The hub stops and starts again while the subscriber is still away.
        await using (var hub = await HubHost.StartAsync(folder.Path, settings))
        {
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            for (var i = 100; i < 200; i++)
            {
                await operatorApi.PostOkAsync("api/incidents", Clash(i));
            }

            using var liaison = await hub.ClientForAsync("liaison.security-tripoli");
            var owed = (await liaison.ReadLogAsync()).Select(e => e.Position).ToArray();
            await using var restarted = await AgencyQueueReader.StartAsync(Broker.AmqpPort, queue);
            var backlog = await restarted.WaitUntilAsync(r => r.Count > 0 && r[^1].Position >= owed[^1], TimeSpan.FromSeconds(60));
            received.AddRange(backlog);
            var positions = received.Select(m => m.Position).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(backlog.Count(m => m.MessageTypes.Contains(AlertedUrn) && m.Data.GetProperty("agency").GetString() == "security-tripoli"), Is.EqualTo(200), "the 200 alerts of the reports made while it was away");
                Assert.That(positions, Is.Ordered.Ascending, "in log order");
                Assert.That(positions.Distinct(), Is.EqualTo(owed), "exactly what catch-up says the agency may see, nothing more or less");
            });
            Assert.That(positions, Is.Unique, "each once: the stop of the hub saved the queue's checkpoint");
        }
    }

    private static Guid IncidentOf(AgencyQueueReader.Delivered message) => message.Message.GetProperty("incidentId").GetGuid();

    private static ReportIncidentRequest Clash(int i) => new(
        Guid.NewGuid(), HazardType.ArmedClash, null, Severity.Severe, null, null,
        "اشتباك " + i.ToString(CultureInfo.InvariantCulture), null, "tripoli", null, null, null, null, null, null, null);
}
