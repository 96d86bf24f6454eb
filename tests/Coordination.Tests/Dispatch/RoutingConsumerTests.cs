using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Consumers;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// The routing consumer on MassTransit's test harness, with its own definition (one page at a time, retries),
/// the sample routing rules from a file and a real SQLite log: what it appends for the pages the relay would
/// publish. ReportRoutingTests has the same rules end to end, through a running hub.
/// </summary>
[TestFixture]
public sealed class RoutingConsumerTests
{
    private static readonly string[] DernaFloodAgencies = ["ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna"];

    // Floods to agencies the sample rules never send one to, so a second decision would show.
    private const string OtherRules = """{"rules":[{"id":"floods-elsewhere","hazards":["Flood"],"minimumSeverity":"Minor","districts":[],"agencies":["coast-guard","security-tripoli"]}]}""";

    private ConsumerHarness<RoutingConsumer> _routing = null!;

    private IEventLog Log => _routing.Log;

    [SetUp]
    public async Task StartHarness()
    {
        _routing = await ConsumerHarness.StartAsync<RoutingConsumer>(
            (services, _) => RoutingServices.Add(services),
            x => x.AddConsumer<RoutingConsumer, RoutingConsumerDefinition>());
    }

    [TearDown]
    public async Task StopHarness() => await _routing.DisposeAsync();

    [Test]
    public async Task A_page_with_a_report_that_has_no_alerts_gets_them_appended_directly_after_it()
    {
        var incidentId = Guid.CreateVersion7();
        await Log.AppendAsync(incidentId, ExpectedVersion.NoStream, [SampleEvents.Reported(incidentId, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var report = (await Log.ReadIncidentAsync(incidentId, CancellationToken.None)).Single();

        await _routing.PublishAsync(new LogEntriesPublished([report]));

        var entries = await Log.ReadIncidentAsync(incidentId, CancellationToken.None);
        var alerts = entries.Skip(1).ToArray();
        Assert.Multiple(async () =>
        {
            Assert.That(alerts.Select(e => e.Type), Is.All.EqualTo(EventTypes.AgencyAlerted));
            Assert.That(alerts.Select(e => e.DataAs<AgencyAlerted>().Agency), Is.EquivalentTo(DernaFloodAgencies));
            Assert.That(alerts.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, DernaFloodAgencies.Length).Select(i => report.Position + i)), "directly after the report");
            Assert.That(alerts.Select(e => e.EventId), Is.EquivalentTo(DernaFloodAgencies.Select(a => DerivedEventId.Create(report.EventId, "alert:" + a))), "ids derived from the report's");
            Assert.That(alerts.Select(e => e.Metadata.CausationId), Is.All.EqualTo(report.EventId));
            Assert.That(alerts.Select(e => e.Metadata.Actor), Is.All.EqualTo(AlertPlanner.Actor));
            Assert.That((await Log.VerifyAsync(CancellationToken.None)).IsValid, Is.True, "the chain holds");
        });
    }

    [Test]
    public async Task A_report_already_followed_by_its_alerts_gets_none_though_the_rules_have_changed()
    {
        // Logged as the report command logs it: the report and the alerts the rules gave it, in one append.
        var incidentId = Guid.CreateVersion7();
        var reportEvent = SampleEvents.Reported(incidentId, eventId: Guid.CreateVersion7());
        var planner = _routing.Services.GetRequiredService<AlertPlanner>();
        var report = JsonSerializer.Deserialize<IncidentReported>(reportEvent.Data, ContractJson.Options)!;
        var alertEvents = planner.AlertsFor(reportEvent.EventId, reportEvent.Metadata.CorrelationId, report, report.ReportedAt);
        await Log.AppendAsync(incidentId, ExpectedVersion.NoStream, [reportEvent, .. alertEvents], CancellationToken.None);
        var routed = await Log.ReadIncidentAsync(incidentId, CancellationToken.None);
        await ChangeRulesAsync(OtherRules);
        var head = await Log.HeadPositionAsync(CancellationToken.None);

        // The report alone on its page (its alerts then start the next one, read from the log), and with its alerts.
        await _routing.PublishAsync(new LogEntriesPublished([routed[0]]));
        await _routing.PublishAsync(new LogEntriesPublished(routed));

        Assert.Multiple(async () =>
        {
            Assert.That(routed, Has.Count.EqualTo(1 + DernaFloodAgencies.Length));
            Assert.That(await Log.ReadIncidentAsync(incidentId, CancellationToken.None), Has.Count.EqualTo(routed.Count), "the first decision stands");
            Assert.That(await Log.HeadPositionAsync(CancellationToken.None), Is.EqualTo(head), "nothing appended anywhere");
        });

        // The new rules are in force: a report that came without alerts is routed by them.
        var later = Guid.CreateVersion7();
        await Log.AppendAsync(later, ExpectedVersion.NoStream, [SampleEvents.Reported(later, eventId: Guid.CreateVersion7())], CancellationToken.None);
        await _routing.PublishAsync(new LogEntriesPublished(await Log.ReadIncidentAsync(later, CancellationToken.None)));
        Assert.That(
            (await Log.ReadIncidentAsync(later, CancellationToken.None)).Skip(1).Select(e => e.DataAs<AgencyAlerted>().Agency),
            Is.EquivalentTo(new[] { "coast-guard", "security-tripoli" }));
    }

    [Test]
    public async Task A_page_delivered_again_stores_nothing()
    {
        // Two reports on one page: on it the first is followed by the second, not by alerts, so the second delivery
        // plans the first one's alerts again, and the log keeps them once by their ids, derived from the report's.
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        await Log.AppendAsync(first, ExpectedVersion.NoStream, [SampleEvents.Reported(first, eventId: Guid.CreateVersion7())], CancellationToken.None);
        await Log.AppendAsync(second, ExpectedVersion.NoStream, [SampleEvents.Reported(second, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var page = new LogEntriesPublished([.. await Log.ReadIncidentAsync(first, CancellationToken.None), .. await Log.ReadIncidentAsync(second, CancellationToken.None)]);

        await _routing.PublishAsync(page);
        var head = await Log.HeadPositionAsync(CancellationToken.None);
        var routedFirst = await Log.ReadIncidentAsync(first, CancellationToken.None);
        var routedSecond = await Log.ReadIncidentAsync(second, CancellationToken.None);

        // Delivered again, as a broker redelivers an unacknowledged message or the relay republishes after a
        // crash; the consumer never looks at the message id, only at the entries.
        await _routing.PublishAsync(page);

        Assert.Multiple(async () =>
        {
            Assert.That(routedFirst, Has.Count.EqualTo(1 + DernaFloodAgencies.Length));
            Assert.That(routedSecond, Has.Count.EqualTo(1 + DernaFloodAgencies.Length));
            Assert.That(await Log.HeadPositionAsync(CancellationToken.None), Is.EqualTo(head));
            Assert.That((await Log.ReadIncidentAsync(first, CancellationToken.None)).Select(e => e.EventId), Is.EqualTo(routedFirst.Select(e => e.EventId)));
            Assert.That((await Log.ReadIncidentAsync(second, CancellationToken.None)).Select(e => e.EventId), Is.EqualTo(routedSecond.Select(e => e.EventId)));
        });
    }

    [Test]
    public async Task A_report_the_log_no_longer_holds_is_not_routed()
    {
        // A page published before the log was restored from a backup, still in the broker's durable queue: its
        // report is beyond the restored log's end, where the log now has something else.
        var gone = Guid.CreateVersion7();
        var here = Guid.CreateVersion7();
        await Log.AppendAsync(here, ExpectedVersion.NoStream, [SampleEvents.Reported(here, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var head = await Log.HeadPositionAsync(CancellationToken.None);
        var stale = (await Log.ReadIncidentAsync(here, CancellationToken.None)).Single() with { IncidentId = gone, EventId = Guid.CreateVersion7(), Position = head + 3 };

        await _routing.PublishAsync(new LogEntriesPublished([stale]));

        Assert.Multiple(async () =>
        {
            Assert.That(await Log.HeadPositionAsync(CancellationToken.None), Is.EqualTo(head), "no alerts for an incident the log does not have");
            Assert.That(await Log.ReadIncidentAsync(gone, CancellationToken.None), Is.Empty);
        });
    }

    private Task ChangeRulesAsync(string json)
    {
        var rules = _routing.Services.GetRequiredService<RoutingRulesProvider>();
        var agencies = _routing.Services.GetRequiredService<AgencyDirectory>();
        Assert.That(rules.Offer(new RoutingRulesChanged(rules.Current.Version + 1, RoutingRuleSet.ParseFile(json, agencies).Rules, "admin", "test", DateTimeOffset.UtcNow)), Is.True);
        return Task.CompletedTask;
    }
}
