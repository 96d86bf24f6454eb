using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Commands;
using System.Text.Json;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Incidents;
using Coordination.Testing;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Tests.EndToEnd;

/// <summary>
/// One incident along the whole path: REST report -> log -> relay -> bus -> routing -> log -> bus ->
/// SignalR push -> acknowledgement over the hub -> commander's timeline. Run on each transport.
/// </summary>
public abstract class SpineEndToEndTests
{
    private static readonly string[] Alerted = ["ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna"];

    protected abstract IReadOnlyDictionary<string, string?> BusSettings { get; }

    [Test]
    public async Task A_flood_in_Derna_alerts_the_right_agencies_once_and_the_commander_sees_it_all_in_order()
    {
        await using var hub = await HubHost.StartFreshAsync(BusSettings);
        await using var commander = await hub.ConnectAsync("commander");
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        await using var civilDefence = await hub.ConnectAsync("liaison.civil-defence");
        await using var tripoliSecurity = await hub.ConnectAsync("liaison.security-tripoli");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        var ncemPushes = new System.Collections.Concurrent.ConcurrentQueue<LogEntry[]>();
        ncem.Connection.On<LogEntry[], long>(nameof(ICoordinationClient.EntriesAppended), (entries, _) => ncemPushes.Enqueue(entries));

        const string title = "فيضان في درنة: انهيار سدَّي وادي درنة";
        var report = await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title));
        var incidentId = report.GetProperty("incidentId").GetGuid();
        Assert.That(report.GetProperty("reference").GetString(), Does.Match(@"^INC-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"));

        var ncemAlert = await WaitForAlert(ncem, incidentId, "ncem");
        await WaitForAlert(civilDefence, incidentId, "civil-defence");

        var ack = await ncem.Connection.InvokeAsync<CommandResponse>(
            "AcknowledgeAlert", incidentId, new AcknowledgeAlertRequest(Guid.NewGuid(), "فريقان في الطريق", null));
        Assert.That(ack.WasDuplicate, Is.False);

        var seen = await commander.WaitUntilAsync(entries => entries.Any(e => e.Type == EventTypes.AlertAcknowledged));
        var incidentEntries = seen.Where(e => e.IncidentId == incidentId).ToArray();
        // A severe flood in Derna also activates the sample Derna flood plan, in the report's own commit: its tasks follow the alerts.
        var tasks = incidentEntries.Count(e => e.Type == EventTypes.TaskAssigned);
        Assert.Multiple(() =>
        {
            Assert.That(incidentEntries.Select(e => e.Type), Is.EqualTo(
                new[] { EventTypes.IncidentReported }
                    .Concat(Enumerable.Repeat(EventTypes.AgencyAlerted, Alerted.Length))
                    .Append(EventTypes.PlanActivated)
                    .Concat(Enumerable.Repeat(EventTypes.TaskAssigned, tasks))
                    .Append(EventTypes.AlertAcknowledged)));
            Assert.That(tasks, Is.GreaterThan(0));
            Assert.That(incidentEntries.Select(e => e.Version), Is.EqualTo(Enumerable.Range(1, incidentEntries.Length)), "versions are consecutive");
            Assert.That(incidentEntries.Select(e => e.Position), Is.Ordered.Ascending);
            Assert.That(incidentEntries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>().Agency), Is.EquivalentTo(Alerted));
            Assert.That(commander.Received.Select(e => e.Position), Is.Unique, "no entry was pushed twice");
            Assert.That(ncemAlert.DataAs<AgencyAlerted>().Title, Is.EqualTo(title));
        });

        using var commanderApi = await hub.ClientForAsync("commander");
        var details = await commanderApi.GetOkAsync($"api/incidents/{incidentId}");
        var timeline = details.GetProperty("timeline").EnumerateArray().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(timeline.Select(t => t.GetProperty("position").GetInt64()), Is.EqualTo(incidentEntries.Select(e => e.Position)));
            Assert.That(details.GetProperty("incident").GetProperty("title").GetString(), Is.EqualTo(title), "Arabic is stored exactly");
            Assert.That(details.GetProperty("incident").GetProperty("status").GetString(), Is.EqualTo("Acknowledged"));
            Assert.That(details.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "ncem").GetProperty("acknowledgedBy").GetString(), Is.EqualTo("liaison.ncem"));
        });

        var verify = await commanderApi.GetOkAsync("api/log/verify");
        Assert.That(verify.GetProperty("isValid").GetBoolean(), Is.True, verify.ToString());

        // Later entries each watcher must receive: pushes to an agency go in log order, so anything it was wrongly owed
        // of the flood would have arrived before them.
        await operatorApi.PostOkAsync($"api/incidents/{incidentId}/updates", new { text = "ارتفاع منسوب المياه في وسط المدينة" });
        var clash = (await operatorApi.PostOkAsync("api/incidents", new { hazard = "ArmedClash", severity = "Severe", title = "اشتباكات مسلحة في طرابلس", district = "tripoli" }))
            .GetProperty("incidentId").GetGuid();
        await ncem.WaitUntilAsync(es => es.Any(e => e.IncidentId == incidentId && e.Type == EventTypes.IncidentUpdated));
        await civilDefence.WaitUntilAsync(es => es.Any(e => e.IncidentId == incidentId && e.Type == EventTypes.IncidentUpdated));
        await tripoliSecurity.WaitUntilAsync(es => es.Any(e => IsAlertFor(e, clash, "security-tripoli")));
        // This test's own handler runs after the client's: wait for it to have kept the update's push too.
        await Eventually.TrueAsync(() => ncemPushes.Any(p => p.Any(e => e.Type == EventTypes.IncidentUpdated)), "NCEM's push of the update");
        Assert.Multiple(() =>
        {
            Assert.That(tripoliSecurity.Received.Select(e => e.IncidentId).Distinct(), Is.EqualTo(new[] { clash }),
                "the Tripoli security directorate is not routed a flood in Derna");
            Assert.That(ncem.Received.Count(e => IsAlertFor(e, incidentId, "ncem")), Is.EqualTo(1));
            Assert.That(civilDefence.Received.Count(e => IsAlertFor(e, incidentId, "civil-defence")), Is.EqualTo(1));
            Assert.That(ncemPushes.Count(p => p.Any(e => e.Type == EventTypes.AgencyAlerted)), Is.EqualTo(1),
                "the six alerts, appended together, reach the liaison in one message");
        });
    }

    private static async Task<LogEntry> WaitForAlert(CoordinationClient client, Guid incidentId, string agency)
    {
        var entries = await client.WaitUntilAsync(es => es.Any(e => IsAlertFor(e, incidentId, agency)));
        return entries.Single(e => IsAlertFor(e, incidentId, agency));
    }

    private static bool IsAlertFor(LogEntry e, Guid incidentId, string agency) =>
        e.IncidentId == incidentId && e.Type == EventTypes.AgencyAlerted && e.DataAs<AgencyAlerted>().Agency == agency;
}

[TestFixture]
public sealed class Spine_on_the_in_memory_bus : SpineEndToEndTests
{
    protected override IReadOnlyDictionary<string, string?> BusSettings { get; } = new Dictionary<string, string?>();
}

[TestFixture]
[NonParallelizable]
public sealed class Spine_on_RabbitMQ : SpineEndToEndTests
{
    private RabbitMqBroker? _broker;

    [OneTimeSetUp]
    public async Task StartBroker()
    {
        if (!RabbitMqBroker.IsInstalled)
        {
            Assert.Fail("rabbitmq-server is not installed: run the README's test command (bash tools/test.sh), which installs it.");
        }

        _broker = await RabbitMqBroker.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopBroker()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    protected override IReadOnlyDictionary<string, string?> BusSettings => new Dictionary<string, string?>
    {
        ["Coordination:Bus:Transport"] = "RabbitMq",
        ["Coordination:Bus:Host"] = "127.0.0.1",
        ["Coordination:Bus:Port"] = _broker!.AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
