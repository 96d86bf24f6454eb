using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Consumers;
using Coordination.Dispatch.Relay;
using Coordination.Persistence.EventLog;
using MassTransit;
using Microsoft.Extensions.Logging;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// Work done once per cluster on each page rides the routing queue's delivery (<see cref="IRoutingQueueStep"/>): after the
/// page's reports are routed; a fault tried again, then left without costing routing anything.
/// </summary>
[TestFixture]
public sealed class RoutingQueueStepTests
{
    [Test]
    public async Task A_step_gets_the_page_after_its_reports_are_routed_and_a_fault_is_tried_again_without_routing_the_page_twice()
    {
        await using var routing = await ConsumerHarness.StartAsync<RoutingConsumer>(
            (services, _) =>
            {
                RoutingServices.Add(services);
                services.AddSingleton<IRoutingQueueStep>(sp => new FailingOnceStep(sp.GetRequiredService<IEventLog>()));
            },
            x => x.AddConsumer<RoutingConsumer, RoutingConsumerDefinition>());
        var step = (FailingOnceStep)routing.Services.GetRequiredService<IRoutingQueueStep>();
        var incidentId = Guid.CreateVersion7();
        await routing.Log.AppendAsync(incidentId, ExpectedVersion.NoStream, [SampleEvents.Reported(incidentId, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var report = (await routing.Log.ReadIncidentAsync(incidentId, CancellationToken.None)).Single();

        await routing.Harness.Bus.Publish(new LogEntriesPublished([report]));
        await step.Succeeded.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var logged = await routing.Log.ReadIncidentAsync(incidentId, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(step.Pages, Has.Count.EqualTo(2), "the failed attempt, then the next");
            Assert.That(step.Pages.Select(p => p.Single().Position), Is.All.EqualTo(report.Position), "the page as published");
            Assert.That(step.Seen, Is.All.EqualTo(logged.Count), "each attempt ran after the report's alerts were appended");
            Assert.That(logged.Skip(1).Select(e => e.Type), Is.Not.Empty.And.All.EqualTo(EventTypes.AgencyAlerted));
            Assert.That(logged.Select(e => e.EventId), Is.Unique, "the retry routed nothing twice");
        });
    }

    [Test]
    public async Task A_step_that_keeps_failing_is_tried_three_times_then_logged_and_the_page_is_routed_without_a_fault()
    {
        var log = new CapturedLog();
        var attempts = 0;
        await using var routing = await ConsumerHarness.StartAsync<RoutingConsumer>(
            (services, _) =>
            {
                RoutingServices.Add(services);
                services.AddSingleton<ILoggerProvider>(log);
                services.AddSingleton<IRoutingQueueStep>(new BrokenStep(() => Interlocked.Increment(ref attempts)));
            },
            x => x.AddConsumer<RoutingConsumer, RoutingConsumerDefinition>());
        var incidentId = Guid.CreateVersion7();
        await routing.Log.AppendAsync(incidentId, ExpectedVersion.NoStream, [SampleEvents.Reported(incidentId, eventId: Guid.CreateVersion7())], CancellationToken.None);
        var report = (await routing.Log.ReadIncidentAsync(incidentId, CancellationToken.None)).Single();

        // Handled without a fault (the harness asserts it): the page does not go to the error queue.
        await routing.PublishAsync(new LogEntriesPublished([report]));

        var failed = await log.WaitForAsync(l => l.EventName == "RoutingStepFailed");
        Assert.Multiple(async () =>
        {
            Assert.That(attempts, Is.EqualTo(3));
            Assert.That(failed.Field("Step"), Is.EqualTo(nameof(BrokenStep)));
            Assert.That(failed.Field("First"), Is.EqualTo(report.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That((await routing.Log.ReadIncidentAsync(incidentId, CancellationToken.None)).Skip(1).Select(e => e.Type), Is.Not.Empty.And.All.EqualTo(EventTypes.AgencyAlerted), "routed all the same");
        });
    }

    /// <summary>Fails every time, as a step with a fault of its own would.</summary>
    private sealed class BrokenStep(Action attempted) : IRoutingQueueStep
    {
        public Task HandleAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
        {
            attempted();
            throw new InvalidOperationException("This step cannot do its work.");
        }
    }

    /// <summary>Records each page with how many entries its incident had then; fails its first attempt.</summary>
    private sealed class FailingOnceStep(IEventLog log) : IRoutingQueueStep
    {
        public List<IReadOnlyList<LogEntry>> Pages { get; } = [];

        public List<int> Seen { get; } = [];

        public TaskCompletionSource Succeeded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task HandleAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
        {
            Pages.Add(entries);
            Seen.Add((await log.ReadIncidentAsync(entries[0].IncidentId, cancellationToken)).Count);
            if (Pages.Count == 1)
            {
                throw new InvalidOperationException("The first attempt fails, as a database that is briefly busy would.");
            }

            Succeeded.TrySetResult();
        }
    }
}
