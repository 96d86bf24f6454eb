using System.Net.Http.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S9 plan activation: S1's liaisons and routing, plus a contingency plan of 20 tasks across 6 agencies that every
/// Extreme flood meets. At each of S1's first rates, a step of plain reports (Severe: routed, no plan) and a step of
/// reports that activate the plan, open loop on the same hub. A plain report's latency ends when the last of its
/// alerts reaches the last connection of its alerted agencies (S1's "last delivery"); an activating report's when
/// the last of its 20 tasks reaches the last connection of the task's agency. The second against the first is
/// what activation costs on the way to the liaisons. Then the same steps from a bare SignalR server pushing each agency
/// the same entries (<see cref="BareActivation"/>, B3.s9): what those pushes cost SignalR alone, with the same
/// generator on the same cores.
/// </summary>
internal static class PlanActivationScenario
{
    public const int Tasks = 20;
    public const int TaskAgencies = 6;

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var results = new List<Result>(await OnTheHubAsync(folder, sizes));
        // Then the same pushes from a bare SignalR server, the hub stopped: what two cores do for them without the hub.
        await using var bare = await BareActivation.StartAsync(sizes);
        results.AddRange(await bare.MeasureAsync(sizes));
        foreach (var rate in sizes.Rates.Take(2))
        {
            foreach (var percentile in new[] { "p50", "p99" })
            {
                var id = $"S9.r{rate}.tasks.{percentile}";
                results.Add(new($"{id}.bare", $"{rate}/s: activating report -> last task delivered, {percentile}, against bare SignalR's same pushes (B3.s9)",
                    results.Single(r => r.Id == id).Value, "ms", $"B3.s9.r{rate}.tasks.{percentile}"));
            }
        }

        return results;
    }

    private static async Task<IReadOnlyList<Result>> OnTheHubAsync(string folder, Sizes sizes)
    {
        var (hub, agencies, taskAgencies) = await StartHubAsync(DataFolder.Fresh(folder, "s9"), sizes.AgencyGroups);
        await using var stopped = hub;
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
            results.AddRange(Deliveries(id, rate, plain, activating, "hub"));
        }

        return results;
    }

    /// <summary>
    /// A hub on <paramref name="data"/> with S1's routing over <paramref name="agencyGroups"/> agencies, their liaisons'
    /// accounts, and the plan every Extreme flood meets, its tasks for the first <see cref="TaskAgencies"/> agencies.
    /// </summary>
    internal static async Task<(HubProcess Hub, BenchAgencies Agencies, string[] TaskAgencies)> StartHubAsync(string data, int agencyGroups)
    {
        var agencies = BenchAgencies.WriteRules(data, agencyGroups, out var rulesPath);
        var hub = await HubProcess.StartNewAsync(data, new Dictionary<string, string?> { ["Coordination__Routing__RulesPath"] = rulesPath });
        try
        {
            await agencies.RegisterAsync(hub);
            var taskAgencies = agencies.Codes.Take(TaskAgencies).ToArray();
            using var admin = await hub.ClientForAsync("admin");
            using var response = await admin.PostAsJsonAsync("api/plans", Plan(taskAgencies), ContractJson.Options);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The bench plan was refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
            }

            return (hub, agencies, taskAgencies);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>The step's deliveries and CPU, the hub's (S9) or the bare server's (B3.s9), as one set of rows.</summary>
    internal static IEnumerable<Result> Deliveries(string id, int rate, ActivationSteps.Figures plain, ActivationSteps.Figures activating, string server)
    {
        var who = server == "hub" ? "" : "bare SignalR, ";
        yield return new($"{id}.plain.p50", $"{who}{rate}/s: report -> last alert delivered (S1's last delivery), p50", plain.Last.P50, "ms");
        yield return new($"{id}.plain.p99", $"{who}{rate}/s: report -> last alert delivered (S1's last delivery), p99", plain.Last.P99, "ms");
        yield return new($"{id}.tasks.p50", $"{who}{rate}/s: report activating a plan of {Tasks} tasks for {TaskAgencies} agencies -> last task delivered, p50, against the plain reports' p50", activating.Last.P50, "ms", $"{id}.plain.p50");
        yield return new($"{id}.tasks.p99", $"{who}{rate}/s: report -> last of its {Tasks} tasks delivered, p99, against the plain reports' last delivery" + (server == "hub" ? " (aim: under 1.5x)" : ""), activating.Last.P99, "ms", $"{id}.plain.p99");
        yield return new($"{id}.missing", $"{who}{rate}/s: deliveries missing after the drain (of {plain.Expected + activating.Expected:N0})", plain.Missing + activating.Missing, "deliveries");
        yield return new($"{id}.cpu.{server}", $"{who}{rate}/s: {server} CPU while activating, against the plain step's", activating.ServerCores, "cores", null, activating.ServerCores / Math.Max(0.001, plain.ServerCores));
        // The liaisons' side on the same cores: an activation's pushes are parsed here too, and both share the machine.
        yield return new($"{id}.cpu.gen", $"{who}{rate}/s: load generator CPU while activating, against the plain step's", activating.GeneratorCores, "cores", null, activating.GeneratorCores / Math.Max(0.001, plain.GeneratorCores));
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

    private sealed class Run : IAsyncDisposable
    {
        private List<HubConnection> _connections = [];
        private HttpClient _duty = null!;
        private ActivationSteps _steps = null!;

        public static async Task<Run> StartAsync(HubProcess hub, BenchAgencies agencies, int liaisons, string[] taskAgencies)
        {
            var run = new Run
            {
                _duty = await hub.ClientForAsync("duty.operator"),
                _steps = new ActivationSteps(agencies, agencies.PerAgency(liaisons), taskAgencies, () => hub.CpuTime),
            };
            (run._connections, _) = await agencies.ConnectLiaisonsAsync(hub, liaisons, run._steps.OnEntry);
            return run;
        }

        public Task<ActivationSteps.Figures> StepAsync(int rate, double seconds, bool activate) =>
            _steps.StepAsync(rate, seconds, activate, async (index, eventId, _, activating) =>
            {
                using var response = await BenchAgencies.ReportFloodAsync(
                    _duty, eventId, index, Districts.All[ActivationSteps.DistrictOf(index)].Code, activating ? "Extreme" : "Severe");
                return response.IsSuccessStatusCode;
            });

        public async ValueTask DisposeAsync()
        {
            await Listener.DisposeAllAsync(_connections);
            _duty.Dispose();
        }
    }
}
