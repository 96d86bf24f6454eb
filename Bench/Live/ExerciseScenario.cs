using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Features.Exercises;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S13 an exercise at 60x: S1's liaisons and routing, and a scenario whose every inject reports a new flood (Severe, so
/// routed to three agencies as S1's reports are, and no plan activates), spread evenly over its duration and played at
/// 60x, all the bench agencies taking part. Each inject's latency runs from its firing (the report's time as the hub
/// logged it) to the last of its alerts reaching the last connection of its agencies. Against it, on the same hub and
/// connections just before: a plain S1 step of as many reports, open loop at the exercise's average rate, measured from
/// the moment each was due to be sent to the same last delivery. The difference is what the exercise machinery costs
/// on the way to the liaisons (the runner fires the injects due at each scan, one after the other, as the exercise).
/// </summary>
internal static class ExerciseScenario
{
    public const double Speed = StartExercise.MaxSpeed;
    private const string Code = "bench-exercise";

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s13");
        var agencies = BenchAgencies.WriteRules(data, sizes.AgencyGroups, out var rulesPath);
        await using var hub = await HubProcess.StartNewAsync(data, new Dictionary<string, string?>
        {
            ["Coordination__Routing__RulesPath"] = rulesPath,
            // Nobody acknowledges here: the plain step's alerts must not escalate (5 minutes for Severe) into the
            // exercise's pushes while it is measured.
            ["Coordination__Alerts__AcknowledgeSevereWithin"] = "01:00:00",
        });
        await agencies.RegisterAsync(hub);
        using var commander = await hub.ClientForAsync("commander");
        var injects = Math.Min(sizes.ExerciseInjects, ScenarioChecks.MaxInjects);
        await PostAsync(commander, "api/scenarios", Scenario(agencies, injects, sizes.ExerciseMinutes));

        await using var run = await Run.StartAsync(hub, agencies, sizes.Liaisons);
        // The exercise's average pace in real time, which the plain step offers the same way.
        var rate = Math.Max(1, (int)Math.Round(injects * Speed / (sizes.ExerciseMinutes * 60.0)));
        // Unrecorded, as S1 does: start-up (JIT, first connections to the database) is not measured.
        await run.PlainAsync(commander, rate, Math.Max(1, (int)(rate * sizes.StepSeconds)));
        var plain = await run.PlainAsync(commander, rate, injects);
        var exercise = await run.ExerciseAsync(commander, injects, sizes.ExerciseMinutes);
        var what = $"{injects} injects over {sizes.ExerciseMinutes} exercise minutes at {Speed:0}x ({sizes.Liaisons:N0} liaisons, {sizes.AgencyGroups} groups)";
        var reports = $"{injects} plain reports at {rate}/s on the same hub";
        return
        [
            new("S13.plain.p50", $"{reports}: submit -> last alert delivered (S1's last delivery), p50", plain.FromDue.P50, "ms"),
            new("S13.plain.p99", $"{reports}: submit -> last alert delivered (S1's last delivery), p99", plain.FromDue.P99, "ms"),
            new("S13.plain.logged.p50", $"{reports}: report logged by the hub -> last alert delivered, p50", plain.FromLogged.P50, "ms"),
            new("S13.plain.logged.p99", $"{reports}: report logged by the hub -> last alert delivered, p99", plain.FromLogged.P99, "ms"),
            new("S13.fired.p50", $"{what}: inject fired -> last alert delivered, p50, against a plain report's", exercise.FromLogged.P50, "ms", "S13.plain.logged.p50"),
            new("S13.fired.p99", $"{what}: inject fired -> last alert delivered, p99, against a plain report's (aim: under 1.5x)", exercise.FromLogged.P99, "ms", "S13.plain.logged.p99"),
            new("S13.due.p99", $"{what}: inject due on the exercise's clock -> last alert delivered, p99 (the runner's scan interval included), against S1's submit -> last", exercise.FromDue.P99, "ms", "S13.plain.p99"),
            new("S13.unfired", $"{what}: injects not fired once the exercise's time had passed", exercise.Unlogged, "injects"),
            new("S13.missing", $"deliveries missing after the drain, plain and exercise (of {plain.Expected + exercise.Expected:N0})", plain.Missing + exercise.Missing, "deliveries"),
            new("S13.cpu.hub", "hub CPU during the exercise, against the plain step's", exercise.HubCores, "cores", null, exercise.HubCores / Math.Max(0.001, plain.HubCores)),
        ];
    }

    /// <summary>Every inject reports a new flood, evenly spread; district i is routed as S1's reports are.</summary>
    private static object Scenario(BenchAgencies agencies, int injects, int minutes) => new
    {
        code = Code,
        titleAr = "تمرين القياس",
        titleEn = "Bench exercise",
        durationMinutes = minutes,
        participants = agencies.Codes,
        injects = Enumerable.Range(0, injects).Select(i => new
        {
            atMinutes = Math.Round(i * (double)minutes / injects, 3),
            kind = nameof(InjectKind.Report),
            incident = IncidentKey(i),
            hazard = nameof(HazardType.Flood),
            severity = nameof(Severity.Severe),
            district = Districts.All[i % Districts.All.Count].Code,
            titleAr = $"فيضان {i}",
            titleEn = $"Flood {i}",
        }),
        reason = "bench",
    };

    private static string IncidentKey(int inject) => $"i-{inject:0000}";

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, ContractJson.Options);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(ContractJson.Options);
    }

    /// <summary>What one step did.</summary>
    /// <param name="FromDue">From the moment each report was due (the plain step's schedule, the exercise's clock) to its last delivery.</param>
    /// <param name="FromLogged">From the report's time as the hub logged it (for an inject, its firing) to its last delivery.</param>
    /// <param name="Expected">Deliveries due: each report's alerts times the connections of the agencies alerted.</param>
    /// <param name="Missing">Of those, the ones that had not arrived after the drain.</param>
    /// <param name="Unlogged">Reports (injects) the log does not hold once the step is over.</param>
    /// <param name="HubCores">The hub's CPU over the step.</param>
    internal sealed record StepFigures(EndToEndScenario.Spread FromDue, EndToEndScenario.Spread FromLogged, long Expected, long Missing, int Unlogged, double HubCores);

    private sealed class Probe
    {
        public long Scheduled;
        public DateTimeOffset Due;
        public long Last;
        public DateTimeOffset LastAt;
        public int Deliveries;
        public int Expected;
    }

    private sealed class Run : IAsyncDisposable
    {
        private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);
        private readonly ConcurrentDictionary<Guid, Probe> _probes = new();
        private Dictionary<string, int> _connectionsPerAgency = [];
        private List<HubConnection> _connections = [];
        private HttpClient _duty = null!;
        private HubProcess _hub = null!;
        private BenchAgencies _agencies = null!;
        private long _lastArrival;

        public static async Task<Run> StartAsync(HubProcess hub, BenchAgencies agencies, int liaisons)
        {
            var run = new Run { _hub = hub, _agencies = agencies };
            run._duty = await hub.ClientForAsync("duty.operator");
            (run._connections, run._connectionsPerAgency) = await agencies.ConnectLiaisonsAsync(hub, liaisons, run.OnEntry);
            return run;
        }

        /// <summary>S1's step without its acknowledgements: <paramref name="count"/> reports, open loop at <paramref name="rate"/>.</summary>
        public async Task<StepFigures> PlainAsync(HttpClient commander, int rate, int count)
        {
            await QuietAsync();
            var head = await HeadAsync(commander);
            var hubCpu = _hub.CpuTime;
            var start = Stopwatch.GetTimestamp();
            await OpenLoop.RunAsync(rate, count, SubmitAsync, () => _probes.Values.Any(p => p.Last == 0));
            var cores = (_hub.CpuTime - hubCpu).TotalSeconds / Stopwatch.GetElapsedTime(start).TotalSeconds;
            return await FiguresAsync(commander, head, count, cores, p => (p.Last - p.Scheduled) * 1000.0 / Stopwatch.Frequency);
        }

        /// <summary>Starts the bench scenario at 60x and follows it until its time has passed and its deliveries have drained.</summary>
        public async Task<StepFigures> ExerciseAsync(HttpClient commander, int injects, int minutes)
        {
            await QuietAsync();
            var head = await HeadAsync(commander);
            // The exercise's id, and so its incidents' ids, follow from the start's idempotency key: every probe is in
            // place before the first inject can fire.
            var key = Guid.CreateVersion7();
            var exerciseId = DerivedEventId.Create(key, "exercise");
            var probes = Enumerable.Range(0, injects).Select(i => (Id: InjectFiring.IncidentIdFor(exerciseId, IncidentKey(i)), Probe: new Probe { Expected = Expected(i % Districts.All.Count) })).ToArray();
            foreach (var (id, probe) in probes)
            {
                _probes[id] = probe;
            }

            var hubCpu = _hub.CpuTime;
            var start = Stopwatch.GetTimestamp();
            var startedAt = (await PostAsync(commander, "api/exercises", new { eventId = key, scenario = Code, speed = Speed })).GetProperty("startedAt").GetDateTimeOffset();
            var perInject = TimeSpan.FromMinutes(minutes / Speed) / injects;
            for (var i = 0; i < injects; i++)
            {
                probes[i].Probe.Due = startedAt + (perInject * i);
            }

            var until = start + (long)((TimeSpan.FromMinutes(minutes / Speed) + Drain).TotalSeconds * Stopwatch.Frequency);
            while (_probes.Values.Any(p => p.Last == 0) && Stopwatch.GetTimestamp() < until)
            {
                await Task.Delay(20);
            }

            var cores = (_hub.CpuTime - hubCpu).TotalSeconds / Stopwatch.GetElapsedTime(start).TotalSeconds;
            return await FiguresAsync(commander, head, injects, cores, p => (p.LastAt - p.Due).TotalMilliseconds);
        }

        /// <summary>
        /// What a step did. Each report's time as the hub logged it (taken before its append, as S1's clock starts before
        /// the submit) is read back from the log once the step is over, so the pushes measured carry nothing extra.
        /// </summary>
        private async Task<StepFigures> FiguresAsync(HttpClient commander, long head, int reports, double cores, Func<Probe, double> sinceDue)
        {
            var probes = _probes.ToArray();
            var logged = new Dictionary<Guid, DateTimeOffset>();
            await foreach (var entry in EntriesAfterAsync(commander, head))
            {
                var incidentId = entry.GetProperty("incidentId").GetGuid();
                if (entry.GetProperty("type").ValueEquals(EventTypes.IncidentReported) && _probes.ContainsKey(incidentId))
                {
                    logged[incidentId] = entry.GetProperty("data").GetProperty("reportedAt").GetDateTimeOffset();
                }
            }

            var delivered = probes.Where(p => p.Value.Last > 0).ToArray();
            return new StepFigures(
                EndToEndScenario.Spread.Of(delivered.Select(p => sinceDue(p.Value))),
                EndToEndScenario.Spread.Of(delivered.Where(p => logged.ContainsKey(p.Key)).Select(p => (p.Value.LastAt - logged[p.Key]).TotalMilliseconds)),
                probes.Sum(p => (long)p.Value.Expected),
                Missing(probes.Select(p => p.Value)),
                reports - logged.Count,
                cores);
        }

        private static long Missing(IEnumerable<Probe> probes) => probes.Sum(p => (long)Math.Max(0, p.Expected - p.Deliveries));

        private int Expected(int district) => _agencies.RoutedFor(district).Sum(a => _connectionsPerAgency.GetValueOrDefault(a));

        /// <summary>A step starts on a quiet hub, its probes fresh: what the one before left queued does not count against it.</summary>
        private async Task QuietAsync()
        {
            await OpenLoop.QuietAsync(() => Interlocked.Read(ref _lastArrival));
            _probes.Clear();
        }

        private static async Task<long> HeadAsync(HttpClient commander) =>
            (await commander.GetFromJsonAsync<JsonElement>("api/log?after=0&limit=1", ContractJson.Options)).GetProperty("headPosition").GetInt64();

        private static async IAsyncEnumerable<JsonElement> EntriesAfterAsync(HttpClient commander, long after)
        {
            while (true)
            {
                var page = await commander.GetFromJsonAsync<JsonElement>($"api/log?after={after}&limit=1000", ContractJson.Options);
                foreach (var entry in page.GetProperty("entries").EnumerateArray())
                {
                    yield return entry;
                }

                var next = page.GetProperty("nextAfter").GetInt64();
                if (next <= after || next >= page.GetProperty("headPosition").GetInt64())
                {
                    yield break;
                }

                after = next;
            }
        }

        private async Task SubmitAsync(int index, long scheduled)
        {
            var eventId = Guid.CreateVersion7();
            var district = index % Districts.All.Count;
            _probes[DerivedEventId.Create(eventId, "incident")] = new Probe { Scheduled = scheduled, Expected = Expected(district) };
            using var response = await BenchAgencies.ReportFloodAsync(_duty, eventId, index, Districts.All[district].Code);
        }

        private void OnEntry(string agency, Delivery entry)
        {
            Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
            if (!entry.IsOfType(EventTypes.AgencyAlerted) || !entry.IsForAgency(agency) || !_probes.TryGetValue(entry.IncidentId, out var probe))
            {
                return;
            }

            if (Interlocked.Increment(ref probe.Deliveries) == probe.Expected)
            {
                probe.LastAt = DateTimeOffset.UtcNow;
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
