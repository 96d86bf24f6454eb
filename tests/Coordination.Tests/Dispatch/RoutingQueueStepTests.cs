using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Consumers;
using Coordination.Dispatch.Relay;
using Coordination.Persistence.EventLog;
using MassTransit;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// Work done once per cluster on each page rides the routing queue's delivery (<see cref="IRoutingQueueStep"/>): after the
/// page's reports are routed, and retried with them.
/// </summary>
[TestFixture]
public sealed class RoutingQueueStepTests
{
    [Test]
    public async Task A_step_gets_the_page_after_its_reports_are_routed_and_its_failure_retries_the_page_without_routing_it_twice()
    {
        await using var routing = await ConsumerHarness.StartAsync<RoutingConsumer>(
            (services, _) =>
            {
                RoutingConsumerTests.AddRouting(services);
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
            Assert.That(step.Pages, Has.Count.EqualTo(2), "the failed attempt, then its retry");
            Assert.That(step.Pages.Select(p => p.Single().Position), Is.All.EqualTo(report.Position), "the page as published");
            Assert.That(step.Seen, Is.All.EqualTo(logged.Count), "each attempt ran after the report's alerts were appended");
            Assert.That(logged.Skip(1).Select(e => e.Type), Is.Not.Empty.And.All.EqualTo(EventTypes.AgencyAlerted));
            Assert.That(logged.Select(e => e.EventId), Is.Unique, "the retry routed nothing twice");
        });
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
