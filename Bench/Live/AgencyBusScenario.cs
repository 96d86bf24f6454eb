using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Testing;
using MassTransit;

namespace Coordination.Bench.Live;

/// <summary>
/// S15 agency systems on the bus: the hub on RabbitMQ with a queue of its own for each of S1's agency groups, and one
/// subscriber per agency reading it the sample subscriber's way (a MassTransit bus of its own, a receive endpoint on
/// the agency's queue, one entry at a time). Floods are reported open loop at S1's rates, each routed to three
/// agencies; a report's latency ends when the last of its three alerts reaches its agency's subscriber. B4 (bare
/// MassTransit on the same broker, with publisher confirms) is measured first, in the same run.
/// </summary>
internal static class AgencyBusScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        if (!RabbitMqBroker.IsInstalled)
        {
            Console.Write(" (rabbitmq-server is not installed: skipped)");
            return [];
        }

        await using var broker = await RabbitMqBroker.StartAsync();
        var results = new List<Result>((await BareBusBaseline.RunAsync(sizes, broker)).Where(r => r.Id == "B4.rabbitmq").Select(r => r with { Id = "S15.b4" }));
        var data = DataFolder.Fresh(folder, "s15");
        var agencies = BenchAgencies.WriteRules(data, sizes.AgencyGroups, out var rulesPath);
        var prefix = "s15" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["Coordination__Routing__RulesPath"] = rulesPath,
            ["Coordination__Bus__Transport"] = "RabbitMq",
            ["Coordination__Bus__Host"] = "127.0.0.1",
            ["Coordination__Bus__Port"] = broker.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["Coordination__Bus__QueuePrefix"] = prefix,
        };
        for (var i = 0; i < agencies.Codes.Length; i++)
        {
            settings[$"Coordination__AgencyBus__Agencies__{i}"] = agencies.Codes[i];
        }

        await using var hub = await HubProcess.StartNewAsync(data, settings);
        await agencies.RegisterAsync(hub);
        await using var run = await Run.StartAsync(hub, agencies, broker, prefix);
        // Unrecorded, as S1 does: start-up (JIT, first connections to the database and the broker) is not measured.
        await run.StepAsync(Math.Max(1, sizes.Rates[0]), sizes.StepSeconds);
        foreach (var rate in sizes.Rates)
        {
            var step = await run.StepAsync(rate, sizes.StepSeconds);
            var id = $"S15.r{rate}";
            results.Add(new($"{id}.last.p50", $"{rate}/s: report -> last of its {BenchAgencies.RoutedPerIncident} alerts read by its agency's subscriber on the bus, p50", step.Last.P50, "ms"));
            results.Add(new($"{id}.last.p99", $"{rate}/s: report -> last subscriber delivery, p99 ({agencies.Codes.Length} subscribers)", step.Last.P99, "ms"));
            results.Add(new($"{id}.missing", $"{rate}/s: alerts not read by a subscriber after the drain (of {step.Expected:N0})", step.Missing, "deliveries"));
            results.Add(new($"{id}.delivered", $"{rate}/s: alerts read by subscribers per second, as a share of B4's ceiling on the same broker", step.Delivered, "entries/s", "S15.b4",
                step.Delivered / Math.Max(0.001, results[0].Value)));
        }

        return results;
    }

    internal sealed record StepFigures(EndToEndScenario.Spread Last, long Expected, long Missing, double Delivered);

    private sealed class Probe
    {
        public long Scheduled;
        public long Last;
        public int Deliveries;
    }

    /// <summary>One agency's system: the sample subscriber's bus, telling the run of each alert it reads.</summary>
    private sealed class AlertConsumer(Run run, string agency) : IConsumer<AgencyEntry<AgencyAlerted>>
    {
        public Task Consume(ConsumeContext<AgencyEntry<AgencyAlerted>> context)
        {
            // Its own alert only: the other agencies' alerts of an incident it sees are not its delivery.
            if (context.Message.Data.Agency == agency)
            {
                run.Alerted(context.Message.IncidentId);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class Run : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<Guid, Probe> _probes = new();
        private readonly List<IBusControl> _subscribers = [];
        private HttpClient _duty = null!;
        private BenchAgencies _agencies = null!;
        private long _lastArrival;
        private long _delivered;
        private int _next;

        public static async Task<Run> StartAsync(HubProcess hub, BenchAgencies agencies, RabbitMqBroker broker, string prefix)
        {
            var run = new Run { _agencies = agencies };
            run._duty = await hub.ClientForAsync("duty.operator");
            foreach (var agency in agencies.Codes)
            {
                var queue = AgencyQueues.Entries(prefix, agency);
                var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
                {
                    cfg.Host("127.0.0.1", (ushort)broker.AmqpPort, "/", h =>
                    {
                        h.Username("guest");
                        h.Password("guest");
                    });
                    cfg.OverrideDefaultBusEndpointQueueName($"{queue}.bus-{Guid.NewGuid():N}");
                    cfg.ReceiveEndpoint(queue, e =>
                    {
                        // As the sample subscriber: the hub made the queue and binds it; one entry at a time keeps the log's order.
                        e.ConfigureConsumeTopology = false;
                        e.ConcurrentMessageLimit = 1;
                        e.Consumer(() => new AlertConsumer(run, agency));
                    });
                });
                await bus.StartAsync(TimeSpan.FromSeconds(60));
                run._subscribers.Add(bus);
            }

            return run;
        }

        public async Task<StepFigures> StepAsync(int rate, double seconds)
        {
            var wall = await OpenLoop.StepAsync(rate, seconds, () => Interlocked.Read(ref _lastArrival), () =>
            {
                _probes.Clear();
                Interlocked.Exchange(ref _delivered, 0);
            }, SubmitAsync, () => _probes.Values.Any(p => p.Last == 0));
            var probes = _probes.Values.ToArray();
            return new StepFigures(
                OpenLoop.Latencies(probes.Select(p => (p.Scheduled, p.Last))),
                probes.Length * (long)BenchAgencies.RoutedPerIncident,
                probes.Sum(p => (long)Math.Max(0, BenchAgencies.RoutedPerIncident - p.Deliveries)),
                Interlocked.Read(ref _delivered) / wall);
        }

        public void Alerted(Guid incidentId)
        {
            Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
            if (!_probes.TryGetValue(incidentId, out var probe))
            {
                return;
            }

            Interlocked.Increment(ref _delivered);
            if (Interlocked.Increment(ref probe.Deliveries) == BenchAgencies.RoutedPerIncident)
            {
                probe.Last = Stopwatch.GetTimestamp();
            }
        }

        private async Task SubmitAsync(int index, long scheduled)
        {
            var eventId = Guid.CreateVersion7();
            // Derna is left out: the sample Derna flood plan would activate there too. Titles numbered across steps.
            var districts = Districts.All.Where(d => d.Code != "derna").ToArray();
            var district = districts[index % districts.Length].Code;
            _probes[DerivedEventId.Create(eventId, "incident")] = new Probe { Scheduled = scheduled };
            using var response = await BenchAgencies.ReportFloodAsync(_duty, eventId, Interlocked.Increment(ref _next), district);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var bus in _subscribers)
            {
                await bus.StopAsync(TimeSpan.FromSeconds(30));
            }

            _duty.Dispose();
        }
    }
}
