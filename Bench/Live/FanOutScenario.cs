using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S2 fan-out: one incident to N liaisons of one agency, through the whole hub; against B3, a bare
/// SignalR server broadcasting a message of the same shape to N clients in one group. Deliveries per
/// second are counted over the fan-out itself (first delivery to last), the part both do, and include
/// every message the hub pushed for the incident (a liaison also receives the other agencies' alerts).
/// </summary>
internal static class FanOutScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var results = new List<Result>();
        var (bare, bareAddress) = await BareSignalR.StartAsync();
        try
        {
            results.AddRange(await MeasureAsync("B3", sizes, bareAddress, BareSignalR.Path, "", BroadcastBareAsync));
        }
        finally
        {
            bare.Kill(entireProcessTree: true);
            await bare.WaitForExitAsync();
        }

        var data = DataFolder.Fresh(folder, "s2");
        await using var hub = await HubProcess.StartNewAsync(data);
        using var duty = await hub.ClientForAsync("duty.operator");
        var token = await hub.TokenAsync("liaison.ncem");
        results.AddRange(await MeasureAsync("S2", sizes, hub.BaseAddress, HubPaths.Coordination, token, (_, _) => ReportAsync(duty)));
        return results;
    }

    private static async Task<IReadOnlyList<Result>> MeasureAsync(
        string id, Sizes sizes, Uri address, string path, string token, Func<HubConnection, int, Task<Guid>> send)
    {
        var results = new List<Result>();
        var arrivals = new ConcurrentDictionary<Guid, ConcurrentBag<long>>();
        var everything = new ConcurrentDictionary<Guid, Tally>();
        var connections = new List<HubConnection>();
        void OnEntry(Delivery entry, long previous)
        {
            // The hub also pushes the report itself to the agency; the alert is the delivery measured.
            var now = Stopwatch.GetTimestamp();
            // Everything pushed for the incident counts as a delivery (the hub also pushes the other agencies'
            // alerts to a liaison who has seen the incident); the agency's own alert is the one timed.
            var incidentId = entry.IncidentId;
            everything.GetOrAdd(incidentId, _ => new Tally()).Add(now);
            if (entry.IsOfType(EventTypes.AgencyAlerted) && entry.IsForAgency("ncem"))
            {
                arrivals.GetOrAdd(incidentId, _ => []).Add(now);
            }
        }

        var sender = await Listener.ConnectAsync(address, path, token, null);
        try
        {
            foreach (var n in sizes.FanOuts)
            {
                connections.AddRange(await Listener.ConnectManyAsync(n - connections.Count, _ => Listener.ConnectAsync(address, path, token, OnEntry)));
                var toLast = new List<double>();
                var rates = new List<double>();
                var perClient = new List<double>();
                for (var repeat = 0; repeat < sizes.FanOutRepeats + 1; repeat++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var key = await send(sender, repeat);
                    var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
                    while ((arrivals.TryGetValue(key, out var bag) ? bag.Count : 0) < n && Stopwatch.GetTimestamp() < deadline)
                    {
                        await Task.Delay(1);
                    }

                    var times = arrivals.TryGetValue(key, out var got) ? got.Order().ToArray() : [];
                    if (repeat == 0 || times.Length < n)
                    {
                        continue; // the first round warms up; an incomplete one is not a figure
                    }

                    // Let the rest of the incident's pushes land, then count them all.
                    var tally = everything[key];
                    for (var before = -1; before != tally.Count; await Task.Delay(200))
                    {
                        before = tally.Count;
                    }

                    toLast.Add((times[^1] - started) * 1000.0 / Stopwatch.Frequency);
                    var spread = (tally.Last - tally.First) / (double)Stopwatch.Frequency;
                    rates.Add(spread > 0 ? (tally.Count - 1) / spread : double.NaN);
                    perClient.Add(tally.Count / (double)n);
                }

                results.Add(new($"{id}.n{n}.last", $"{(id == "B3" ? "bare broadcast" : "one incident")} to {n:N0} clients: {(id == "B3" ? "send" : "submit")} -> last delivery, median", Latencies.Median(toLast), "ms"));
                results.Add(new($"{id}.n{n}.rate", $"{(id == "B3" ? "bare broadcast" : "one incident")} to {n:N0} clients: deliveries per second, first to last, median", Latencies.Median(rates), "deliveries/s", id == "S2" ? $"B3.n{n}.rate" : null));
                results.Add(new($"{id}.n{n}.each", $"{(id == "B3" ? "bare broadcast" : "one incident")} to {n:N0} clients: messages each client received", Latencies.Median(perClient), "messages"));
            }
        }
        finally
        {
            await Listener.DisposeAllAsync(connections.Append(sender));
        }

        return results;
    }

    /// <summary>Count and first and last arrival of everything pushed for one incident.</summary>
    private sealed class Tally
    {
        private long _first;
        private long _last;
        private int _count;

        public long First => Interlocked.Read(ref _first);

        public long Last => Interlocked.Read(ref _last);

        public int Count => Volatile.Read(ref _count);

        public void Add(long timestamp)
        {
            Interlocked.CompareExchange(ref _first, timestamp, 0);
            for (long seen; (seen = Interlocked.Read(ref _last)) < timestamp && Interlocked.CompareExchange(ref _last, timestamp, seen) != seen;)
            {
            }

            Interlocked.Increment(ref _count);
        }
    }

    private static readonly JsonElement AlertData = JsonSerializer.SerializeToElement(new
    {
        incidentId = Guid.Empty,
        agency = "ncem",
        hazard = "Flood",
        severity = "Extreme",
        district = "derna",
        title = "فيضان في درنة: انهيار سدَّي وادي درنة",
        ruleId = "natural-disaster",
        alertedAt = DateTimeOffset.UtcNow,
        acknowledgeBy = DateTimeOffset.UtcNow.AddMinutes(2),
        isExercise = false,
    });

    /// <summary>
    /// What one S2 incident pushes to a liaison: a Derna flood is routed to six agencies, so NCEM's liaisons
    /// get their own alert and then the five others'. B3's server broadcasts as many, one after another.
    /// </summary>
    private const int MessagesPerIncident = 6;

    /// <summary>B3's messages: AgencyAlerted entries as the hub would push them.</summary>
    private static async Task<Guid> BroadcastBareAsync(HubConnection sender, int repeat)
    {
        var key = Guid.NewGuid();
        var entry = new LogEntry((repeat * MessagesPerIncident) + 1, key, 2, Guid.NewGuid(), EventTypes.AgencyAlerted, AlertData,
            new EntryMetadata("router", "moi-duty", Guid.NewGuid(), null, false), DateTimeOffset.UtcNow);
        await sender.InvokeAsync("Broadcast", entry, MessagesPerIncident);
        return key;
    }

    private static async Task<Guid> ReportAsync(HttpClient duty)
    {
        using var response = await duty.PostAsJsonAsync("api/incidents", new
        {
            hazard = "Flood",
            severity = "Extreme",
            title = "فيضان في درنة",
            district = "derna",
        }, ContractJson.Options);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ContractJson.Options);
        return body.GetProperty("incidentId").GetGuid();
    }
}
