using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// B3 at S1's load: the bare SignalR server with S1's clients (liaisons in agency groups, each client joined
/// to its agency's group) and, open loop at S1's rates, S1's pushes for each incident (three groups their
/// alerts, then the acknowledgement). Its last-delivery p99 at a rate is what SignalR alone achieves on this
/// machine at that load, with the same generator on the same cores: S1's denominator at that rate.
/// </summary>
internal static class BareEndToEnd
{
    public static async Task<IReadOnlyList<Result>> RunAsync(Sizes sizes)
    {
        var (bare, address) = await BareSignalR.StartAsync();
        try
        {
            var agencies = BenchAgencies.Of(sizes.AgencyGroups);
            var probes = new ConcurrentDictionary<Guid, Probe>();
            var perGroup = new ConcurrentDictionary<string, int>();
            var connections = await Listener.ConnectManyAsync(sizes.Liaisons, async i =>
            {
                var agency = agencies.Codes[i % agencies.Codes.Length];
                var connection = await Listener.ConnectAsync(address, BareSignalR.Path, "", (entry, _) => OnEntry(agency, entry));
                await connection.InvokeAsync(nameof(BareSignalR.BareHub.Join), agency);
                perGroup.AddOrUpdate(agency, 1, (_, n) => n + 1);
                return connection;
            });
            var sender = await Listener.ConnectAsync(address, BareSignalR.Path, "", null);
            try
            {
                var results = new List<Result>();
                await StepAsync(sizes.Rates[0]); // unrecorded, as S1's warm-up
                foreach (var rate in sizes.Rates)
                {
                    var (last, missing, serverCores, generatorCores) = await StepAsync(rate);
                    var id = $"B3.s1.r{rate}";
                    results.Add(new($"{id}.last.p50", $"bare SignalR at S1's load, {rate}/s: send -> last delivery, p50", last.P50, "ms"));
                    results.Add(new($"{id}.last.p99", $"bare SignalR at S1's load, {rate}/s: send -> last delivery, p99", last.P99, "ms"));
                    results.Add(new($"{id}.missing", $"bare SignalR at S1's load, {rate}/s: deliveries missing after the drain", missing, "deliveries"));
                    results.Add(new($"{id}.cpu.server", $"bare SignalR at S1's load, {rate}/s: server CPU", serverCores, "cores"));
                    results.Add(new($"{id}.cpu.gen", $"bare SignalR at S1's load, {rate}/s: load generator CPU", generatorCores, "cores"));
                }

                return results;
            }
            finally
            {
                await Listener.DisposeAllAsync(connections.Append(sender));
            }

            void OnEntry(string agency, Delivery entry)
            {
                if (entry.IsOfType(EventTypes.AgencyAlerted) && entry.IsForAgency(agency) && probes.TryGetValue(entry.IncidentId, out var probe)
                    && Interlocked.Increment(ref probe.Deliveries) == probe.Expected)
                {
                    probe.Last = Stopwatch.GetTimestamp();
                }
            }

            async Task<(EndToEndScenario.Spread Last, long Missing, double ServerCores, double GeneratorCores)> StepAsync(int rate)
            {
                probes.Clear();
                var count = Math.Max(1, (int)(rate * sizes.StepSeconds));
                var serverCpu = Machine.CpuTime(bare);
                var generatorCpu = Machine.CpuTime(Process.GetCurrentProcess());
                var start = Stopwatch.GetTimestamp();
                await OpenLoop.RunAsync(rate, count, async (index, scheduled) =>
                {
                    var groups = agencies.RoutedFor(index % Districts.All.Count);
                    var incidentId = Guid.CreateVersion7();
                    probes[incidentId] = new Probe { Scheduled = scheduled, Expected = groups.Sum(g => perGroup.GetValueOrDefault(g)) };
                    var position = (index * 4L) + 1;
                    var alerts = groups.Select((g, k) => Entry(position + k, incidentId, EventTypes.AgencyAlerted, g)).ToArray();
                    await sender.InvokeAsync(nameof(BareSignalR.BareHub.Incident), groups, alerts, Entry(position + groups.Length, incidentId, EventTypes.AlertAcknowledged, groups[0]));
                }, () => probes.Values.Any(p => p.Last == 0));

                var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var all = probes.Values.ToArray();
                var last = EndToEndScenario.Spread.Of(all.Where(p => p.Last > 0).Select(p => (p.Last - p.Scheduled) * 1000.0 / Stopwatch.Frequency));
                await Task.Delay(1000); // the acknowledgements still in flight land before the next step
                return (last, all.Sum(p => (long)Math.Max(0, p.Expected - p.Deliveries)), (Machine.CpuTime(bare) - serverCpu).TotalSeconds / wall, (Machine.CpuTime(Process.GetCurrentProcess()) - generatorCpu).TotalSeconds / wall);
            }
        }
        finally
        {
            bare.Kill(entireProcessTree: true);
            await bare.WaitForExitAsync();
        }
    }

    /// <summary>A log entry of an S1 incident's size: an alert or an acknowledgement for <paramref name="agency"/>.</summary>
    private static LogEntry Entry(long position, Guid incidentId, string type, string agency) => new(
        position,
        incidentId,
        (int)position,
        Guid.CreateVersion7(),
        type,
        JsonSerializer.SerializeToElement(new
        {
            incidentId,
            agency,
            hazard = "Flood",
            severity = "Severe",
            district = "derna",
            title = "فيضان في درنة",
            ruleId = "bench-derna",
            alertedAt = DateTimeOffset.UtcNow,
            acknowledgeBy = DateTimeOffset.UtcNow.AddMinutes(2),
            isExercise = false,
        }),
        new EntryMetadata("router", "moi-duty", incidentId, null, false),
        DateTimeOffset.UtcNow);

    private sealed class Probe
    {
        public long Scheduled;
        public long Last;
        public int Deliveries;
        public int Expected;
    }
}
