using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Dispatch.Consumers;
using Coordination.Dispatch.Plans;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Features.Plans;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// The routing consumer's path for a report that reached the log without its alerts activates the plans it meets
/// too, with the alerts and directly after them, and a page delivered again activates nothing twice: the same consumer, harness and
/// rules as <see cref="RoutingConsumerTests"/>, with the sample Derna flood plan in force.
/// </summary>
[TestFixture]
public sealed class PlanRoutingConsumerTests
{
    private ConsumerHarness<RoutingConsumer> _routing = null!;

    private IEventLog Log => _routing.Log;

    [SetUp]
    public async Task StartHarness()
    {
        _routing = await ConsumerHarness.StartAsync<RoutingConsumer>(
            (services, _) =>
            {
                RoutingServices.Add(services);
                services.AddSingleton<PlanLibrary>();
                services.AddSingleton<PlanActivations>();
            },
            x => x.AddConsumer<RoutingConsumer, RoutingConsumerDefinition>());
        var sample = PlanSeed.Sample().Single();
        _routing.Services.GetRequiredService<PlanLibrary>().Offer(sample.ToPlan(PlanWriter.IdFor(sample.Code!), isSample: true), 1);
    }

    [TearDown]
    public async Task StopHarness() => await _routing.DisposeAsync();

    [Test]
    public async Task A_report_without_its_alerts_gets_them_and_its_plan_directly_after_it_and_a_page_delivered_again_adds_nothing()
    {
        // Two reports on one page: the first is followed by the second, not by its alerts, so a second delivery
        // plans the first again; the plan must not be activated twice.
        var first = Guid.CreateVersion7();
        var second = Guid.CreateVersion7();
        await Log.AppendAsync(first, ExpectedVersion.NoStream, [SampleEvents.Reported(first, eventId: Guid.CreateVersion7())], CancellationToken.None);
        await Log.AppendAsync(second, ExpectedVersion.NoStream, [SampleEvents.Reported(second, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var page = new LogEntriesPublished([.. await Log.ReadIncidentAsync(first, CancellationToken.None), .. await Log.ReadIncidentAsync(second, CancellationToken.None)]);

        await _routing.PublishAsync(page);
        var head = await Log.HeadPositionAsync(CancellationToken.None);
        var routed = await Log.ReadIncidentAsync(first, CancellationToken.None);
        await _routing.PublishAsync(page);

        var report = routed[0];
        var tasks = PlanSeed.Sample().Single().Tasks!.Count;
        Assert.Multiple(async () =>
        {
            Assert.That(routed.Select(e => e.Type), Is.EqualTo(
                new[] { EventTypes.IncidentReported }.Concat(Enumerable.Repeat(EventTypes.AgencyAlerted, 6)).Append(EventTypes.PlanActivated).Concat(Enumerable.Repeat(EventTypes.TaskAssigned, tasks))));
            Assert.That(routed.Skip(1).Select(e => e.Position), Is.EqualTo(Enumerable.Range(0, routed.Count - 1).Select(i => routed[1].Position + i)), "the alerts and the plan in one transaction");
            Assert.That(routed.Skip(1).Select(e => e.Metadata.CausationId), Is.All.EqualTo(report.EventId));
            Assert.That(routed.Single(e => e.Type == EventTypes.PlanActivated).EventId, Is.EqualTo(DerivedEventId.Create(report.EventId, "plan:flood-derna")));
            Assert.That(routed.Single(e => e.Type == EventTypes.PlanActivated).DataAs<PlanActivated>().Trigger, Is.EqualTo(PlanTrigger.Report));
            Assert.That(routed.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>().RuleId), Has.None.StartsWith("plan:"),
                "the routing rules already alert every agency the plan gives a task");
            Assert.That(await Log.HeadPositionAsync(CancellationToken.None), Is.EqualTo(head), "delivered again: nothing appended");
            Assert.That((await Log.VerifyAsync(CancellationToken.None)).IsValid, Is.True);
        });
    }
}
