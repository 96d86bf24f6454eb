using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S1 end to end: liaisons connected in agency groups, incidents submitted open loop at a fixed rate
/// (each at its scheduled moment, whether or not earlier ones have been answered, so queueing shows
/// in the latencies instead of slowing the generator), each routed to three agencies; one liaison per
/// alerted agency acknowledges, and a commander watches. Latencies are measured from the scheduled
/// moment: submit -> committed (the REST answer), -> first delivery, -> last delivery, and
/// acknowledge -> the commander sees it.
/// </summary>
internal static class EndToEndScenario
{
    public const double HeldP99Milliseconds = 1_000;

    /// <summary>S1's aim, as the issue words it: the disk's p99 + bare SignalR's p99 + 10 ms.</summary>
    public static double Aim(double diskP99, double bareP99) => diskP99 + bareP99 + 10;

    /// <summary>
    /// Runs S1's steps. With <paramref name="paired"/> (B3 at S1's load, still connected), S1's aim is then also
    /// read in rounds: a bare step, then an S1 step, at <see cref="Sizes.PairedRate"/>, each S1 step against
    /// the aim from the bare step just before it. A minute apart, the two readings can meet different machines:
    /// this one's speed wanders over minutes (docs/benchmarks.md).
    /// </summary>
    public static async Task<(IReadOnlyList<Result> Results, IReadOnlyList<StepFigures> Steps)> RunAsync(
        string folder, Sizes sizes, string label, IReadOnlyDictionary<string, string?>? transport = null, BareEndToEnd? paired = null, double diskP99 = 0)
    {
        var data = DataFolder.Fresh(folder, $"s1-{label}");
        var agencies = BenchAgencies.WriteRules(data, sizes.AgencyGroups, out var rulesPath);
        var settings = new Dictionary<string, string?>(transport ?? new Dictionary<string, string?>()) { ["Coordination__Routing__RulesPath"] = rulesPath };
        // Metrics' cost: measured and scraped as in production, or (--no-metrics) neither.
        var metricsToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        settings["Coordination__Telemetry__Metrics"] = sizes.Metrics ? "true" : "false";
        settings["Coordination__Telemetry__MetricsToken"] = sizes.Metrics ? metricsToken : "";
        await using var hub = await HubProcess.StartNewAsync(data, settings);
        await agencies.RegisterAsync(hub);
        await using var run = await Run.StartAsync(hub, agencies, sizes.Liaisons);
        await using var scraper = sizes.Metrics ? MetricsScraper.Start(hub.BaseAddress, metricsToken) : null;

        // An unrecorded step first, as long as a measured one, so start-up (JIT and its tiering up, first
        // connections to the database) is not measured: after a 1 s warm-up the first 5 s step still showed
        // the hub at 0.8 cores for 10 incidents/s, against 0.3 over 40 s.
        await run.StepAsync(Math.Max(1, sizes.Rates[0]), sizes.StepSeconds, quiet: true);
        var steps = new List<StepFigures>();
        foreach (var rate in sizes.Rates)
        {
            steps.Add(await run.StepAsync(rate, sizes.StepSeconds));
        }

        // The highest rate held: bisect between the best rate that held and the first that did not.
        var held = steps.Where(s => s.Held).Select(s => s.Rate).DefaultIfEmpty(0).Max();
        var failed = steps.Where(s => !s.Held && s.Rate > held).Select(s => s.Rate).DefaultIfEmpty(held * 2).Min();
        for (var i = 0; i < sizes.SearchSteps && failed - held > Math.Max(5, held / 10); i++)
        {
            var probe = (held + failed) / 2;
            var step = await run.StepAsync(probe, sizes.StepSeconds);
            steps.Add(step);
            if (step.Held)
            {
                held = probe;
            }
            else
            {
                failed = probe;
            }
        }

        var rounds = new List<(double S1, double Bare, double Ratio)>();
        for (var i = 0; paired is not null && i < sizes.PairedRounds; i++)
        {
            var bare = await paired.StepAsync(sizes.PairedRate);
            var s1 = await run.StepAsync(sizes.PairedRate, sizes.StepSeconds, quiet: true);
            rounds.Add((s1.Last.P99, bare.Last.P99, s1.Last.P99 / Aim(diskP99, bare.Last.P99)));
        }

        // Which run this was, so a run with metrics and one without (--no-metrics) are told apart in the results.
        var results = new List<Result> { new($"S1.{label}.metrics", "the hub measured itself and was scraped every 5 s (1), or not (0, --no-metrics)", sizes.Metrics ? 1 : 0, "") };
        if (rounds.Count > 0)
        {
            var ratios = rounds.Select(r => r.Ratio).Order().ToArray();
            var rate = sizes.PairedRate;
            results.Add(new(
                $"S1.{label}.paired",
                $"{rate}/s: last-delivery p99 against B1 p99 + B3.s1 p99 + 10 ms, B3.s1 measured just before each S1 step: median of {rounds.Count} rounds (lowest {ratios[0]:0.00}x, highest {ratios[^1]:0.00}x)",
                Latencies.Median(ratios),
                "x"));
            results.Add(new($"S1.{label}.paired.p99", $"{rate}/s: submit -> last delivery p99 in those rounds, median", Latencies.Median(rounds.Select(r => r.S1)), "ms"));
            results.Add(new("B3.s1.paired.p99", $"bare SignalR at S1's load, {rate}/s: p99 in those rounds, median", Latencies.Median(rounds.Select(r => r.Bare)), "ms"));
        }

        foreach (var s in steps.OrderBy(s => s.Rate))
        {
            var id = $"S1.{label}.r{s.Rate}";
            results.Add(new($"{id}.commit.p99", $"{s.Rate}/s: submit -> committed, p99", s.Commit.P99, "ms"));
            results.Add(new($"{id}.first.p99", $"{s.Rate}/s: submit -> first delivery, p99", s.First.P99, "ms"));
            results.Add(new($"{id}.last.p50", $"{s.Rate}/s: submit -> last delivery, p50", s.Last.P50, "ms"));
            results.Add(new($"{id}.last.p99", $"{s.Rate}/s: submit -> last delivery, p99", s.Last.P99, "ms", $"B3.s1.r{s.Rate}.last.p99"));
            if (s.Rate == 100 && label == "memory")
            {
                results.Add(new($"{id}.last.p99/aim", "100/s: submit -> last delivery, p99, against the aim", s.Last.P99, "ms", "S1.budget"));
                results.Add(new($"{id}.last.p99/quiet", "100/s: submit -> last delivery, p99, against the aim read quietly", s.Last.P99, "ms", "S1.budget.quiet"));
            }

            results.Add(new($"{id}.last.p999", $"{s.Rate}/s: submit -> last delivery, p99.9", s.Last.P999, "ms"));
            results.Add(new($"{id}.last.max", $"{s.Rate}/s: submit -> last delivery, max", s.Last.Max, "ms"));
            results.Add(new($"{id}.ack.p99", $"{s.Rate}/s: acknowledge -> commander sees it, p99", s.Ack.P99, "ms"));
            results.Add(new($"{id}.missing", $"{s.Rate}/s: deliveries missing after the drain (of {s.ExpectedDeliveries:N0})", s.MissingDeliveries, "deliveries"));
            // Against the bare server's CPU at the same load: what the hub spends beyond SignalR's own pushes.
            results.Add(new($"{id}.cpu.hub", $"{s.Rate}/s: hub CPU", s.HubCores, "cores", $"B3.s1.r{s.Rate}.cpu.server"));
            results.Add(new($"{id}.cpu.gen", $"{s.Rate}/s: load generator CPU", s.GeneratorCores, "cores"));
        }

        results.Add(new($"S1.{label}.held", $"highest rate held with last-delivery p99 under {HeldP99Milliseconds:0} ms ({sizes.Liaisons:N0} liaisons, {sizes.AgencyGroups} groups)", held, "incidents/s"));
        return (results, steps);
    }

    /// <summary>Percentiles of one latency, in milliseconds.</summary>
    internal sealed record Spread(double P50, double P99, double P999, double Max)
    {
        public static Spread Of(IEnumerable<double> values)
        {
            var latencies = new Latencies();
            foreach (var v in values)
            {
                latencies.Add(v);
            }

            return new(latencies.Percentile(50), latencies.Percentile(99), latencies.Percentile(99.9), latencies.Max);
        }
    }

    /// <summary>What one rate did.</summary>
    internal sealed record StepFigures(int Rate, Spread Commit, Spread First, Spread Last, Spread Ack, long ExpectedDeliveries, long MissingDeliveries, double HubCores, double GeneratorCores)
    {
        public bool Held => MissingDeliveries == 0 && Last.P99 < HeldP99Milliseconds;
    }

    private sealed class Probe
    {
        public long Scheduled;
        public long Committed;
        public long First;
        public long Last;
        public int Deliveries;
        public int Expected;
        public long AckSent;
        public long AckSeen;
        public string AckAgency = "";
        public Guid IncidentId;
    }

    private sealed class Run : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<Guid, Probe> _probes = new();
        private long _lastArrival;
        private readonly Dictionary<string, int> _connectionsPerAgency = [];
        private readonly Dictionary<string, HttpClient> _liaisonApis = [];
        private List<HubConnection> _connections = [];
        private HttpClient _duty = null!;
        private HubProcess _hub = null!;
        private BenchAgencies _agencies = null!;

        public static async Task<Run> StartAsync(HubProcess hub, BenchAgencies agencies, int liaisons)
        {
            var run = new Run { _hub = hub, _agencies = agencies };
            run._duty = await hub.ClientForAsync("duty.operator");
            var tokens = new Dictionary<string, string>();
            foreach (var code in agencies.Codes)
            {
                tokens[code] = await hub.TokenAsync(BenchAgencies.LiaisonOf(code));
                run._liaisonApis[code] = await hub.ClientForAsync(BenchAgencies.LiaisonOf(code));
            }

            var commanderToken = await hub.TokenAsync("commander");
            run._connections = await Listener.ConnectManyAsync(liaisons + 1, i =>
            {
                if (i == liaisons)
                {
                    return Listener.ConnectAsync(hub.BaseAddress, HubPaths.Coordination, commanderToken, run.OnCommanderEntry);
                }

                var agency = agencies.Codes[i % agencies.Codes.Length];
                // The first connection of each agency is the desk that acknowledges.
                var acknowledges = i < agencies.Codes.Length;
                lock (run._connectionsPerAgency)
                {
                    run._connectionsPerAgency[agency] = run._connectionsPerAgency.GetValueOrDefault(agency) + 1;
                }

                return Listener.ConnectAsync(hub.BaseAddress, HubPaths.Coordination, tokens[agency], (entry, _) => run.OnLiaisonEntry(agency, acknowledges, entry));
            });
            return run;
        }

        public async Task<StepFigures> StepAsync(int rate, double seconds, bool quiet = false)
        {
            await OpenLoop.QuietAsync(() => Interlocked.Read(ref _lastArrival));
            _probes.Clear();
            var count = Math.Max(1, (int)(rate * seconds));
            var hubCpu = _hub.CpuTime;
            var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await OpenLoop.RunAsync(rate, count, SubmitAsync, () => _probes.Values.Any(p => p.Last == 0 || p.AckSeen == 0));

            var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var probes = _probes.Values.ToArray();
            static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
            var step = new StepFigures(
                rate,
                Spread.Of(probes.Where(p => p.Committed > 0).Select(p => Ms(p.Scheduled, p.Committed))),
                Spread.Of(probes.Where(p => p.First > 0).Select(p => Ms(p.Scheduled, p.First))),
                Spread.Of(probes.Where(p => p.Last > 0).Select(p => Ms(p.Scheduled, p.Last))),
                Spread.Of(probes.Where(p => p.AckSeen > 0).Select(p => Ms(p.AckSent, p.AckSeen))),
                probes.Sum(p => (long)p.Expected),
                probes.Sum(p => (long)Math.Max(0, p.Expected - p.Deliveries)),
                (_hub.CpuTime - hubCpu).TotalSeconds / wall,
                (Process.GetCurrentProcess().TotalProcessorTime - generatorCpu).TotalSeconds / wall);
            if (!quiet)
            {
                Console.Write($" [{rate}/s: last p99 {step.Last.P99:0} ms{(step.MissingDeliveries > 0 ? $", {step.MissingDeliveries} missing" : "")}]");
            }

            return step;
        }

        private async Task SubmitAsync(int index, long scheduled)
        {
            var eventId = Guid.CreateVersion7();
            var district = index % Districts.All.Count;
            var routed = _agencies.RoutedFor(district);
            var probe = new Probe
            {
                Scheduled = scheduled,
                IncidentId = DerivedEventId.Create(eventId, "incident"),
                Expected = routed.Sum(a => _connectionsPerAgency.GetValueOrDefault(a)),
                AckAgency = routed[0],
            };
            _probes[probe.IncidentId] = probe;
            // Moderate, which no plan meets: a Severe flood in Derna meets the sample flood plan, whose six more alerts and
            // eight tasks are not S1's three agencies per incident, and not what B3.s1 pushes at S1's load.
            using var response = await BenchAgencies.ReportFloodAsync(_duty, eventId, index, Districts.All[district].Code, "Moderate");
            if (response.IsSuccessStatusCode)
            {
                probe.Committed = Stopwatch.GetTimestamp();
            }
        }

        private void OnLiaisonEntry(string agency, bool acknowledges, Delivery entry)
        {
            Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
            if (!entry.IsOfType(EventTypes.AgencyAlerted) || !entry.IsForAgency(agency) || !_probes.TryGetValue(entry.IncidentId, out var probe))
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            Interlocked.CompareExchange(ref probe.First, now, 0);
            if (Interlocked.Increment(ref probe.Deliveries) == probe.Expected)
            {
                probe.Last = now;
            }

            if (acknowledges && agency == probe.AckAgency)
            {
                _ = AcknowledgeAsync(agency, probe);
            }
        }

        private async Task AcknowledgeAsync(string agency, Probe probe)
        {
            probe.AckSent = Stopwatch.GetTimestamp();
            using var response = await _liaisonApis[agency].PostAsJsonAsync($"api/incidents/{probe.IncidentId}/acknowledge", new { }, ContractJson.Options);
        }

        private void OnCommanderEntry(Delivery entry, long previous)
        {
            if (entry.IsOfType(EventTypes.AlertAcknowledged) && _probes.TryGetValue(entry.IncidentId, out var probe))
            {
                Interlocked.CompareExchange(ref probe.AckSeen, Stopwatch.GetTimestamp(), 0);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.DisposeAllAsync(_connections);
            _duty.Dispose();
            foreach (var api in _liaisonApis.Values)
            {
                api.Dispose();
            }
        }
    }
}
