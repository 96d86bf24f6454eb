using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// B3 at S1's load: the bare SignalR server with S1's clients (liaisons in agency groups, each client joined
/// to its agency's group) and, open loop at S1's rates, S1's pushes for each incident (three groups their
/// alerts, then the acknowledgement). Its last-delivery p99 at a rate is what SignalR alone achieves on this
/// machine at that load, with the same generator on the same cores: S1's denominator at that rate. It stays
/// connected through S1, so S1's aim can also be read in rounds alternating with it (see EndToEndScenario).
/// As in S1, the first connection of each agency acknowledges: when it has its agency's alert of an incident its
/// agency heads, it asks for the acknowledgement's push. Pushed in the same call as the alerts, the acknowledgement
/// had ridden in the alerts' socket write to each connection, and the bare server made half S1's writes.
/// </summary>
internal sealed class BareEndToEnd : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, Probe> _probes = new();
    private readonly ConcurrentDictionary<string, int> _perGroup = new();
    private readonly Process _bare;
    private readonly BenchAgencies _agencies;
    private readonly double _stepSeconds;
    private List<HubConnection> _connections = [];
    private HubConnection _sender = null!;

    private BareEndToEnd(Process bare, Sizes sizes)
    {
        _bare = bare;
        _agencies = BenchAgencies.Of(sizes.AgencyGroups);
        _stepSeconds = sizes.StepSeconds;
    }

    /// <summary>The bare server with S1's clients connected and joined to their groups.</summary>
    public static async Task<BareEndToEnd> StartAsync(Sizes sizes)
    {
        var (bare, address) = await BareSignalR.StartAsync();
        var run = new BareEndToEnd(bare, sizes);
        try
        {
            run._connections = await Listener.ConnectManyAsync(sizes.Liaisons, async i =>
            {
                var agency = run._agencies.Codes[i % run._agencies.Codes.Length];
                var acknowledges = i < run._agencies.Codes.Length;
                var connection = await Listener.ConnectAsync(address, BareSignalR.Path, "", (entry, _) => run.OnEntry(agency, acknowledges, entry));
                await connection.InvokeAsync(nameof(BareSignalR.BareHub.Join), agency);
                run._perGroup.AddOrUpdate(agency, 1, (_, n) => n + 1);
                return connection;
            });
            run._sender = await Listener.ConnectAsync(address, BareSignalR.Path, "", null);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>An unrecorded warm-up step, as S1's, then one step at each of S1's rates.</summary>
    public async Task<IReadOnlyList<Result>> MeasureRatesAsync(IReadOnlyList<int> rates)
    {
        var results = new List<Result>();
        await StepAsync(rates[0]);
        foreach (var rate in rates)
        {
            var step = await StepAsync(rate);
            var id = $"B3.s1.r{rate}";
            results.Add(new($"{id}.last.p50", $"bare SignalR at S1's load, {rate}/s: send -> last delivery, p50", step.Last.P50, "ms"));
            results.Add(new($"{id}.last.p99", $"bare SignalR at S1's load, {rate}/s: send -> last delivery, p99", step.Last.P99, "ms"));
            results.Add(new($"{id}.missing", $"bare SignalR at S1's load, {rate}/s: deliveries missing after the drain", step.Missing, "deliveries"));
            results.Add(new($"{id}.cpu.server", $"bare SignalR at S1's load, {rate}/s: server CPU", step.ServerCores, "cores"));
            results.Add(new($"{id}.cpu.gen", $"bare SignalR at S1's load, {rate}/s: load generator CPU", step.GeneratorCores, "cores"));
        }

        return results;
    }

    /// <summary>One step of S1's pushes at <paramref name="rate"/> incidents/s, as long as S1's steps.</summary>
    public async Task<(EndToEndScenario.Spread Last, long Missing, double ServerCores, double GeneratorCores)> StepAsync(int rate)
    {
        _probes.Clear();
        var count = Math.Max(1, (int)(rate * _stepSeconds));
        var serverCpu = ProcessCpu.Of(_bare);
        var generatorCpu = ProcessCpu.Of(Process.GetCurrentProcess());
        var start = Stopwatch.GetTimestamp();
        await OpenLoop.RunAsync(rate, count, async (index, scheduled) =>
        {
            var groups = _agencies.RoutedFor(index % Districts.All.Count);
            var incidentId = Guid.CreateVersion7();
            var position = (index * 4L) + 1;
            _probes[incidentId] = new Probe
            {
                Scheduled = scheduled,
                Expected = groups.Sum(g => _perGroup.GetValueOrDefault(g)),
                Groups = groups,
                Acknowledgement = Entry(position + groups.Length, incidentId, EventTypes.AlertAcknowledged, groups[0]),
            };
            var alerts = groups.Select((g, k) => Entry(position + k, incidentId, EventTypes.AgencyAlerted, g)).ToArray();
            await _sender.InvokeAsync(nameof(BareSignalR.BareHub.Incident), groups, alerts);
        }, () => _probes.Values.Any(p => p.Last == 0 || p.AcknowledgementSeen == 0));

        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = _probes.Values.ToArray();
        var last = EndToEndScenario.Spread.Of(all.Where(p => p.Last > 0).Select(p => (p.Last - p.Scheduled) * 1000.0 / Stopwatch.Frequency));
        await Task.Delay(1000); // what is still in flight lands before the next step
        return (last, all.Sum(p => (long)Math.Max(0, p.Expected - p.Deliveries)), (ProcessCpu.Of(_bare) - serverCpu).TotalSeconds / wall, (ProcessCpu.Of(Process.GetCurrentProcess()) - generatorCpu).TotalSeconds / wall);
    }

    public async ValueTask DisposeAsync()
    {
        await Listener.DisposeAllAsync(_sender is null ? _connections : _connections.Append(_sender));
        _bare.Kill(entireProcessTree: true);
        await _bare.WaitForExitAsync();
        _bare.Dispose();
    }

    private void OnEntry(string agency, bool acknowledges, Delivery entry)
    {
        if (entry.IsOfType(EventTypes.AlertAcknowledged))
        {
            if (acknowledges && _probes.TryGetValue(entry.IncidentId, out var acknowledged))
            {
                Interlocked.CompareExchange(ref acknowledged.AcknowledgementSeen, Stopwatch.GetTimestamp(), 0);
            }

            return;
        }

        if (!entry.IsOfType(EventTypes.AgencyAlerted) || !entry.IsForAgency(agency) || !_probes.TryGetValue(entry.IncidentId, out var probe))
        {
            return;
        }

        if (Interlocked.Increment(ref probe.Deliveries) == probe.Expected)
        {
            probe.Last = Stopwatch.GetTimestamp();
        }

        if (acknowledges && agency == probe.Groups[0])
        {
            // As S1's acknowledging desk does, on its own call once it has the alert.
            _ = _sender.InvokeAsync(nameof(BareSignalR.BareHub.Acknowledge), probe.Groups, probe.Acknowledgement);
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
        public long AcknowledgementSeen;
        public string[] Groups = [];
        public LogEntry Acknowledgement = null!;
    }
}
