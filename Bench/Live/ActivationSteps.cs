using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;

namespace Coordination.Bench.Live;

/// <summary>
/// S9's steps, for the hub and for its bare baseline alike: the reports of a step, open loop at a rate, each awaited at
/// the liaisons. A plain report (Severe) ends when the last of its alerts reaches the last connection of its routed
/// agencies; an activating one (Extreme) when the last of its tasks reaches the last connection of the task's agency.
/// What differs between the two servers is only how a report is sent (<c>submit</c>) and whose CPU is read.
/// </summary>
internal sealed class ActivationSteps(BenchAgencies agencies, Dictionary<string, int> connectionsPerAgency, string[] taskAgencies, Func<TimeSpan> serverCpu)
{
    /// <summary>The districts reports take in turn: Derna is left out, where the sample Derna flood plan would activate too.</summary>
    private static readonly int[] Routed = [.. Districts.All.Select((d, i) => (d.Code, i)).Where(d => d.Code != "derna").Select(d => d.i)];

    private readonly ConcurrentDictionary<Guid, Probe> _probes = new();
    private bool _activating;
    private long _lastArrival;

    /// <summary>What one step read: report -> answered (the hub's commit; none for the bare server), report -> last counted delivery.</summary>
    internal sealed record Figures(EndToEndScenario.Spread Committed, EndToEndScenario.Spread Last, long Expected, long Missing, double ServerCores, double GeneratorCores);

    /// <summary>The district (its index in <see cref="Districts.All"/>) report <paramref name="index"/> is in.</summary>
    public static int DistrictOf(int index) => Routed[index % Routed.Length];

    /// <summary>The agency of each of the plan's tasks, in plan order: the task agencies in turn.</summary>
    public string[] TaskOwners(int tasks) => [.. Enumerable.Range(0, tasks).Select(i => taskAgencies[i % taskAgencies.Length])];

    /// <summary>
    /// One step: waits for quiet, then <paramref name="rate"/> reports a second for <paramref name="seconds"/>, each sent by
    /// <paramref name="submit"/> (its index, event id, the incident id the hub derives from it, and whether it activates);
    /// answered true, its commit is timed.
    /// </summary>
    public async Task<Figures> StepAsync(int rate, double seconds, bool activate, Func<int, Guid, Guid, bool, Task<bool>> submit)
    {
        var server = TimeSpan.Zero;
        var generator = TimeSpan.Zero;
        var wall = await OpenLoop.StepAsync(rate, seconds, () => Interlocked.Read(ref _lastArrival), () =>
        {
            _probes.Clear();
            _activating = activate;
            server = serverCpu();
            generator = Process.GetCurrentProcess().TotalProcessorTime;
        }, async (index, scheduled) =>
        {
            var eventId = Guid.CreateVersion7();
            var incidentId = DerivedEventId.Create(eventId, "incident");
            var expected = _activating
                ? TaskOwners(PlanActivationScenario.Tasks).Sum(a => connectionsPerAgency.GetValueOrDefault(a))
                : agencies.RoutedFor(DistrictOf(index)).Sum(a => connectionsPerAgency.GetValueOrDefault(a));
            var probe = _probes[incidentId] = new Probe { Scheduled = scheduled, Expected = expected };
            if (await submit(index, eventId, incidentId, _activating))
            {
                probe.Committed = Stopwatch.GetTimestamp();
            }
        }, () => _probes.Values.Any(p => p.Last == 0));
        var probes = _probes.Values.ToArray();
        return new Figures(
            OpenLoop.Latencies(probes.Where(p => p.Committed > 0).Select(p => (p.Scheduled, p.Committed))),
            OpenLoop.Latencies(probes.Select(p => (p.Scheduled, p.Last))),
            probes.Sum(p => (long)p.Expected),
            probes.Sum(p => (long)Math.Max(0, p.Expected - p.Deliveries)),
            (serverCpu() - server).TotalSeconds / wall,
            (Process.GetCurrentProcess().TotalProcessorTime - generator).TotalSeconds / wall);
    }

    /// <summary>A connection of <paramref name="agency"/> read <paramref name="entry"/>.</summary>
    public void OnEntry(string agency, Delivery entry)
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

    private sealed class Probe
    {
        public long Scheduled;
        public long Committed;
        public long Last;
        public int Deliveries;
        public int Expected;
    }
}
