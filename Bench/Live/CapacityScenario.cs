using System.Diagnostics;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S6 capacity: idle liaison connections held open in steps; the hub's memory per connection and
/// whether every connection still gets its heartbeat. The generator's own file-descriptor limit caps
/// the largest step (each connection is one socket at each end).
/// </summary>
internal static class CapacityScenario
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs S6's steps. With <paramref name="metrics"/> (S12), the hub measures itself and is scraped every 5 s
    /// (true) or measures nothing (false), and the results are named <paramref name="id"/> instead of S6.
    /// </summary>
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes, string id = "S6", bool? metrics = null)
    {
        var data = DataFolder.Fresh(folder, id.ToLowerInvariant());
        var settings = new Dictionary<string, string?> { ["Coordination__Realtime__HeartbeatInterval"] = Heartbeat.ToString() };
        var metricsToken = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        if (metrics is { } on)
        {
            settings["Coordination__Telemetry__Metrics"] = on ? "true" : "false";
            settings["Coordination__Telemetry__MetricsToken"] = on ? metricsToken : "";
        }

        await using var hub = await HubProcess.StartNewAsync(data, settings);
        await using var scraper = metrics is true ? MetricsScraper.Start(hub.BaseAddress, metricsToken) : null;
        var token = await hub.TokenAsync("liaison.ncem");
        var heartbeats = new long[sizes.IdleConnections.Max()];
        var connections = new List<HubConnection>();
        var results = new List<Result>();
        await Task.Delay(1_000);
        var baseline = hub.WorkingSetBytes;
        try
        {
            foreach (var n in sizes.IdleConnections)
            {
                var started = Stopwatch.GetTimestamp();
                var from = connections.Count;
                connections.AddRange(await Listener.ConnectManyAsync(n - from, i =>
                {
                    var slot = from + i;
                    return Listener.ConnectAsync(hub.BaseAddress, HubPaths.Coordination, token, null, _ => Interlocked.Exchange(ref heartbeats[slot], Stopwatch.GetTimestamp()));
                }));
                var connectSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

                // Healthy: every connection has had a heartbeat in the last three intervals.
                var watchFrom = Stopwatch.GetTimestamp();
                await Task.Delay(Heartbeat * 3);
                var healthy = heartbeats.Take(n).Count(t => t > watchFrom);
                var perConnection = (hub.WorkingSetBytes - baseline) / (double)n;
                results.Add(new($"{id}.n{n}.memory", $"{n:N0} idle connections: hub memory per connection", perConnection / 1024, "KiB"));
                results.Add(new($"{id}.n{n}.healthy", $"{n:N0} idle connections: share with a heartbeat in the last {Heartbeat.TotalSeconds * 3:0} s", 100.0 * healthy / n, "%"));
                results.Add(new($"{id}.n{n}.connect", $"{n - from:N0} connections opened at", (n - from) / connectSeconds, "connections/s"));
            }
        }
        // A handshake the hub did not answer in time (HubException) is where it stopped too, not a reason to lose the run.
        catch (Exception error) when (error is HttpRequestException or IOException or TimeoutException or HubException)
        {
            results.Add(new($"{id}.n{connections.Count}.stopped", $"opening more connections failed after {connections.Count:N0}: {error.Message}", connections.Count, "connections"));
        }
        finally
        {
            await Listener.DisposeAllAsync(connections);
        }

        return results;
    }
}
