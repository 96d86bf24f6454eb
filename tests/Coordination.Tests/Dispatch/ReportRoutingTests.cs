using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// A report made through the hub is logged with its alerts in one transaction, so the liaisons are told
/// without a second commit and a trip through the router. The routing consumer routes only what arrived
/// without alerts, and never decides a second time for a report that was routed when it was logged.
/// </summary>
[TestFixture]
public sealed class ReportRoutingTests
{
    private static readonly string[] DernaFloodAgencies = ["ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna"];

    // A severe flood in Derna also activates the sample flood plan, in the same transaction, after the alerts: its
    // PlanActivated and one TaskAssigned per task.
    private static readonly int FloodPlanEntries = 1 + Coordination.Hub.Features.Plans.PlanSeed.Sample().Single(p => p.Code == "flood-derna").Tasks!.Count;

    // Floods to agencies the sample rules never send one to, so a second decision would show.
    private const string OtherRules = """{"rules":[{"id":"floods-elsewhere","hazards":["Flood"],"minimumSeverity":"Minor","districts":[],"agencies":["coast-guard","security-tripoli"]}]}""";

    // A hub of its own for each test: two of them change the routing rules.
    private TempDirectory _data = null!;
    private HubHost _hub = null!;
    private HttpClient _operatorApi = null!;
    private IEventLog _log = null!;

    [SetUp]
    public async Task StartHub()
    {
        _data = new TempDirectory();
        _hub = await HubHost.StartAsync(_data.Path);
        _operatorApi = await _hub.ClientForAsync("duty.operator");
        _log = _hub.Services.GetRequiredService<IEventLog>();
    }

    [TearDown]
    public async Task StopHub()
    {
        _operatorApi.Dispose();
        await _hub.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task A_report_is_logged_with_its_alerts_directly_after_it_in_the_same_commit()
    {
        var report = await _operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        var incidentId = report.GetProperty("incidentId").GetGuid();
        var position = report.GetProperty("position").GetInt64();

        // Read as soon as the command answers: nothing had time to route it afterwards.
        var entries = await _log.ReadIncidentAsync(incidentId, CancellationToken.None);
        var alerts = entries.Skip(1).Take(DernaFloodAgencies.Length).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("version").GetInt32(), Is.EqualTo(1 + DernaFloodAgencies.Length + FloodPlanEntries), "the version after the report, its alerts and its plan");
            Assert.That(entries.Select(e => e.Position), Is.EqualTo(Enumerable.Range(0, 1 + DernaFloodAgencies.Length + FloodPlanEntries).Select(i => position + i)));
            Assert.That(entries.Skip(1 + DernaFloodAgencies.Length).Select(e => e.Type), Is.EqualTo(new[] { EventTypes.PlanActivated }.Concat(Enumerable.Repeat(EventTypes.TaskAssigned, FloodPlanEntries - 1))));
            Assert.That(alerts.Select(e => e.Type), Is.All.EqualTo(EventTypes.AgencyAlerted));
            Assert.That(alerts.Select(e => e.DataAs<AgencyAlerted>().Agency), Is.EquivalentTo(DernaFloodAgencies));
            Assert.That(alerts.Select(e => e.Metadata.CausationId), Is.All.EqualTo(entries[0].EventId));
            Assert.That(alerts.Select(e => e.Metadata.Actor), Is.All.EqualTo(AlertPlanner.Actor));
            Assert.That(alerts.Select(e => e.DataAs<AgencyAlerted>().AlertedAt), Is.All.EqualTo(entries[0].DataAs<Coordination.Agencies.Contracts.Incidents.IncidentReported>().ReportedAt));
        });

        // The routing consumer sees the report and its alerts and appends nothing more.
        await RoutingBarrier.PassAsync(_log);
        Assert.That(await _log.ReadIncidentAsync(incidentId, CancellationToken.None), Has.Count.EqualTo(entries.Count));
    }

    [Test]
    public async Task A_report_logged_without_alerts_is_routed_by_the_routing_consumer()
    {
        var incidentId = Guid.CreateVersion7();
        await _log.AppendAsync(incidentId, ExpectedVersion.NoStream, [SampleEvents.Reported(incidentId, eventId: Guid.CreateVersion7())], CancellationToken.None);

        var entries = await WaitForEntriesAsync(incidentId, 1 + DernaFloodAgencies.Length + FloodPlanEntries);
        Assert.Multiple(() =>
        {
            Assert.That(entries.Skip(1).Take(DernaFloodAgencies.Length).Select(e => e.DataAs<AgencyAlerted>().Agency), Is.EquivalentTo(DernaFloodAgencies));
            Assert.That(entries.Skip(1 + DernaFloodAgencies.Length).Select(e => e.Type), Does.Contain(EventTypes.PlanActivated), "and its plan activated");
            Assert.That(entries.Skip(1).Select(e => e.Metadata.CausationId), Is.All.EqualTo(entries[0].EventId));
        });
    }

    [Test]
    public async Task A_report_routed_when_it_was_logged_is_not_routed_again_when_its_page_comes_round_after_the_rules_changed()
    {
        var report = await _operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        var incidentId = report.GetProperty("incidentId").GetGuid();
        var routed = await _log.ReadIncidentAsync(incidentId, CancellationToken.None);

        await ChangeRulesAsync(OtherRules);
        // The report again as a page of its own (its alerts then start the next page), and with its alerts,
        // as a redelivery or a restart's republishing would bring them.
        var bus = _hub.Services.GetRequiredService<IBus>();
        await bus.Publish(new LogEntriesPublished([routed[0]]));
        await bus.Publish(new LogEntriesPublished(routed));

        // A report logged afterwards is routed by the new rules once the pages before it are handled.
        var later = Guid.CreateVersion7();
        await _log.AppendAsync(later, ExpectedVersion.NoStream, [SampleEvents.Reported(later, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var laterEntries = await WaitForEntriesAsync(later, 3);
        var afterwards = await _log.ReadIncidentAsync(incidentId, CancellationToken.None);
        Assert.Multiple(() =>
        {
            // The flood plan alerts the agencies it gives tasks beyond the rules: those alerts name the plan, not a rule.
            Assert.That(laterEntries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>()).Where(a => !a.RuleId.StartsWith("plan:", StringComparison.Ordinal)).Select(a => a.Agency),
                Is.EquivalentTo(new[] { "coast-guard", "security-tripoli" }));
            Assert.That(afterwards, Has.Count.EqualTo(routed.Count), "the first decision stands");
        });
    }

    [Test]
    public async Task A_retried_report_after_the_rules_changed_is_the_stored_one_with_its_first_alerts()
    {
        var body = new { eventId = Guid.CreateVersion7(), hazard = "Flood", severity = "Extreme", title = "فيضان في درنة", district = "derna" };
        var first = await _operatorApi.PostOkAsync("api/incidents", body);

        var incidentId = first.GetProperty("incidentId").GetGuid();
        // The incident moves on before the retry: the answer is still the one the report was given.
        using var ncem = await _hub.ClientForAsync("liaison.ncem");
        await ncem.PostOkAsync($"api/incidents/{incidentId}/acknowledge", new { });
        await ChangeRulesAsync(OtherRules);
        var retry = await _operatorApi.PostOkAsync("api/incidents", body);

        var entries = await _log.ReadIncidentAsync(incidentId, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(retry.GetProperty("wasDuplicate").GetBoolean(), Is.True);
            Assert.That(retry.GetProperty("incidentId").GetGuid(), Is.EqualTo(incidentId));
            Assert.That(retry.GetProperty("position").GetInt64(), Is.EqualTo(first.GetProperty("position").GetInt64()));
            Assert.That(retry.GetProperty("version").GetInt32(), Is.EqualTo(first.GetProperty("version").GetInt32()).And.EqualTo(1 + DernaFloodAgencies.Length + FloodPlanEntries));
            Assert.That(retry.GetProperty("reference").GetString(), Is.EqualTo(first.GetProperty("reference").GetString()));
            Assert.That(entries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>().Agency), Is.EquivalentTo(DernaFloodAgencies), "the first alerts, and only them");
        });
    }

    private async Task ChangeRulesAsync(string json)
    {
        // As an administrator changes them: a new version on the log's routing stream, in force at once.
        using var admin = await _hub.ClientForAsync("admin");
        var change = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        change["reason"] = "test";
        using var saved = await admin.PutAsJsonAsync("api/admin/routing-rules", change);
        Assert.That(saved.IsSuccessStatusCode, Is.True, await saved.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<LogEntry>> WaitForEntriesAsync(Guid incidentId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var entries = await _log.ReadIncidentAsync(incidentId, CancellationToken.None);
            if (entries.Count >= count)
            {
                return entries;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"incident {incidentId} has {entries.Count} entries, not {count}");
            await Task.Delay(50);
        }
    }
}
