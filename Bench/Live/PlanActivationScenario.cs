using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S9 plan activation: S1's liaisons and routing, plus a contingency plan of 20 tasks across 6 agencies that every
/// Extreme flood meets. At each of S1's first rates, a step of plain reports (Severe: routed, no plan) and a step of
/// reports that activate the plan, open loop on the same hub. A plain report's latency ends when the last of its
/// alerts reaches the last connection of its alerted agencies (S1's "last delivery"); an activating report's when
/// the last of its 20 tasks reaches the last connection of the task's agency. The second against the first is
/// what activation costs on the way to the liaisons.
/// </summary>
internal static class PlanActivationScenario
{
    public const int Tasks = 20;
    public const int TaskAgencies = 6;

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s9");
        var agencies = BenchAgencies.WriteRules(data, sizes.AgencyGroups, out var rulesPath);
        await using var hub = await HubProcess.StartNewAsync(data, new Dictionary<string, string?> { ["Coordination__Routing__RulesPath"] = rulesPath });
        await agencies.RegisterAsync(hub);
        var taskAgencies = agencies.Codes.Take(TaskAgencies).ToArray();
        using (var admin = await hub.ClientForAsync("admin"))
        {
            using var response = await admin.PostAsJsonAsync("api/plans", Plan(taskAgencies), ContractJson.Options);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The bench plan was refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
            }
        }

        await using var run = await Run.StartAsync(hub, agencies, sizes.Liaisons, taskAgencies);
        // Unrecorded, as S1 does: start-up (JIT, first connections to the database) is not measured.
        await run.StepAsync(Math.Max(1, sizes.Rates[0]), sizes.StepSeconds, activate: true);
        var results = new List<Result>();
        foreach (var rate in sizes.Rates.Take(2))
        {
            var plain = await run.StepAsync(rate, sizes.StepSeconds, activate: false);
            var activating = await run.StepAsync(rate, sizes.StepSeconds, activate: true);
            var id = $"S9.r{rate}";
            // Where the time goes: the report's commit (its alerts, and the plan's activation and tasks, in one transaction) before its pushes.
            results.Add(new($"{id}.plain.commit.p99", $"{rate}/s: plain report -> committed (answered), p99", plain.Committed.P99, "ms"));
            results.Add(new($"{id}.tasks.commit.p99", $"{rate}/s: activating report -> committed with its {Tasks} tasks (answered), p99", activating.Committed.P99, "ms", $"{id}.plain.commit.p99"));
            results.Add(new($"{id}.plain.p50", $"{rate}/s: report -> last alert delivered (S1's last delivery), p50", plain.Last.P50, "ms"));
            results.Add(new($"{id}.plain.p99", $"{rate}/s: report -> last alert delivered (S1's last delivery), p99", plain.Last.P99, "ms"));
            results.Add(new($"{id}.tasks.p50", $"{rate}/s: report activating a plan of {Tasks} tasks for {TaskAgencies} agencies -> last task delivered, p50, against the plain reports' p50", activating.Last.P50, "ms", $"{id}.plain.p50"));
            results.Add(new($"{id}.tasks.p99", $"{rate}/s: report -> last of its {Tasks} tasks delivered, p99, against the plain reports' last delivery (aim: under 1.5x)", activating.Last.P99, "ms", $"{id}.plain.p99"));
            results.Add(new($"{id}.missing", $"{rate}/s: deliveries missing after the drain (of {plain.Expected + activating.Expected:N0})", plain.Missing + activating.Missing, "deliveries"));
            results.Add(new($"{id}.cpu.hub", $"{rate}/s: hub CPU while activating, against the plain step's", activating.HubCores, "cores", null, activating.HubCores / Math.Max(0.001, plain.HubCores)));
            // The liaisons' side on the same cores: an activation's pushes are parsed here too, and both share the machine.
            results.Add(new($"{id}.cpu.gen", $"{rate}/s: load generator CPU while activating, against the plain step's", activating.GeneratorCores, "cores", null, activating.GeneratorCores / Math.Max(0.001, plain.GeneratorCores)));
        }

        return results;
    }

    /// <summary>A national plan every Extreme flood meets: 20 tasks, spread over the first six agencies.</summary>
    private static object Plan(string[] taskAgencies) => new
    {
        code = "bench-activation",
        titleAr = "خطة قياس التفعيل",
        titleEn = "Activation bench plan",
        leadAgency = taskAgencies[0],
        risks = Array.Empty<string>(),
        activation = new { hazards = new[] { "Flood" }, minimumSeverity = "Extreme", districts = Array.Empty<string>() },
        alsoAlert = Array.Empty<string>(),
        tasks = Enumerable.Range(0, Tasks).Select(i => new
        {
            taskId = $"task-{i:00}",
            agency = taskAgencies[i % taskAgencies.Length],
            titleAr = $"مهمة {i}",
            titleEn = $"Task {i}",
            dueAfterMinutes = 30 + i,
            checklist = new[] { new { textAr = "خطوة أولى", textEn = "First step" }, new { textAr = "خطوة ثانية", textEn = "Second step" } },
            capability = (string?)null,
            quantity = (int?)null,
        }),
        reason = "bench",
    };

    internal sealed record StepFigures(EndToEndScenario.Spread Committed, EndToEndScenario.Spread Last, long Expected, long Missing, double HubCores, double GeneratorCores);

    private sealed class Probe
    {
        public long Scheduled;
        public long Committed;
        public long Last;
        public int Deliveries;
        public int Expected;
    }

    private sealed class Run : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<Guid, Probe> _probes = new();
        private Dictionary<string, int> _connectionsPerAgency = [];
        private List<HubConnection> _connections = [];
        private HttpClient _duty = null!;
        private HubProcess _hub = null!;
        private BenchAgencies _agencies = null!;
        private string[] _taskAgencies = [];
        private bool _activating;
        private long _lastArrival;

        public static async Task<Run> StartAsync(HubProcess hub, BenchAgencies agencies, int liaisons, string[] taskAgencies)
        {
            var run = new Run { _hub = hub, _agencies = agencies, _taskAgencies = taskAgencies };
            run._duty = await hub.ClientForAsync("duty.operator");
            (run._connections, run._connectionsPerAgency) = await agencies.ConnectLiaisonsAsync(hub, liaisons, run.OnEntry);
            return run;
        }

        public async Task<StepFigures> StepAsync(int rate, double seconds, bool activate)
        {
            var hubCpu = TimeSpan.Zero;
            var generatorCpu = TimeSpan.Zero;
            var wall = await OpenLoop.StepAsync(rate, seconds, () => Interlocked.Read(ref _lastArrival), () =>
            {
                _probes.Clear();
                _activating = activate;
                hubCpu = _hub.CpuTime;
                generatorCpu = Process.GetCurrentProcess().TotalProcessorTime;
            }, SubmitAsync, () => _probes.Values.Any(p => p.Last == 0));
            var probes = _probes.Values.ToArray();
            return new StepFigures(
                OpenLoop.Latencies(probes.Where(p => p.Committed > 0).Select(p => (p.Scheduled, p.Committed))),
                OpenLoop.Latencies(probes.Select(p => (p.Scheduled, p.Last))),
                probes.Sum(p => (long)p.Expected),
                probes.Sum(p => (long)Math.Max(0, p.Expected - p.Deliveries)),
                (_hub.CpuTime - hubCpu).TotalSeconds / wall,
                (Process.GetCurrentProcess().TotalProcessorTime - generatorCpu).TotalSeconds / wall);
        }

        private async Task SubmitAsync(int index, long scheduled)
        {
            var eventId = Guid.CreateVersion7();
            // Derna is left out: the sample Derna flood plan would activate there too.
            var districts = Districts.All.Select((d, i) => (d.Code, i)).Where(d => d.Code != "derna").ToArray();
            var (district, routedIndex) = districts[index % districts.Length];
            var expected = _activating
                ? Enumerable.Range(0, Tasks).Sum(i => _connectionsPerAgency.GetValueOrDefault(_taskAgencies[i % _taskAgencies.Length]))
                : _agencies.RoutedFor(routedIndex).Sum(a => _connectionsPerAgency.GetValueOrDefault(a));
            var probe = new Probe { Scheduled = scheduled, Expected = expected };
            _probes[DerivedEventId.Create(eventId, "incident")] = probe;
            using var response = await BenchAgencies.ReportFloodAsync(_duty, eventId, index, district, _activating ? "Extreme" : "Severe");
            if (response.IsSuccessStatusCode)
            {
                probe.Committed = Stopwatch.GetTimestamp();
            }
        }

        private void OnEntry(string agency, Delivery entry)
        {
            Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
            var counted = _activating ? EventTypes.TaskAssigned : EventTypes.AgencyAlerted;
            if (!entry.IsOfType(counted) || !entry.IsForAgency(agency) || !_probes.TryGetValue(entry.IncidentId, out var probe))
            {
                return;
            }

            if (Interlocked.Increment(ref probe.Deliveries) == probe.Expected)
            {
                probe.Last = Stopwatch.GetTimestamp();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Listener.DisposeAllAsync(_connections);
            _duty.Dispose();
        }
    }
}
