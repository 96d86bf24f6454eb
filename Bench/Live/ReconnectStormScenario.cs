using System.Diagnostics;
using System.Net.Http.Json;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S11 a reconnect storm: N liaisons of one agency connected through the .NET client, reports coming at a steady
/// rate; the hub process is killed (SIGKILL) and started again while the reports keep coming (each re-sent with its
/// idempotency key until stored). Measured: from the restart, the time until every client is connected again and
/// until every client holds every alert of every report sent up to then (the outage's included); alerts missing at
/// the end; the hub's CPU and peak memory meanwhile; and how bunched the reconnections were (the client's back-off
/// has jitter). Read against N times one client's catch-up of the same entries (S4's way) in the same run.
/// </summary>
internal static class ReconnectStormScenario
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReportingAfterRestart = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s11");
        await using var hub = await HubProcess.StartNewAsync(data);
        var n = sizes.StormLiaisons;
        // A few seconds' cap, so a client's waits after a few failures stay in the range of a restart.
        var options = new CoordinationClientOptions { MaxReconnectDelay = TimeSpan.FromSeconds(5) };
        var alerts = new List<long>[n];
        var reconnectedAt = new long[n];
        var clients = await Listener.ConnectManyAsync(n, async i =>
        {
            alerts[i] = [];
            var client = await CoordinationClient.ConnectAsync(hub.BaseAddress, "liaison.ncem", HubProcess.SamplePassword, options);
            client.EntryApplied += entry =>
            {
                if (entry.Type == EventTypes.AgencyAlerted && entry.DataAs<AgencyAlerted>().Agency == "ncem")
                {
                    lock (alerts[i])
                    {
                        alerts[i].Add(Stopwatch.GetTimestamp());
                    }
                }
            };
            client.Connection.Reconnected += _ =>
            {
                reconnectedAt[i] = Stopwatch.GetTimestamp();
                return Task.CompletedTask;
            };
            return client;
        });
        try
        {
            using var duty = await hub.ClientForAsync("duty.operator");
            using var reporter = new Reporter(duty);
            var reporting = reporter.RunAsync();
            await Task.Delay(ReportEvery * 20); // reports before the kill, delivered live

            reporter.MarkKill();
            await hub.KillAsync();
            var killed = Stopwatch.GetTimestamp();
            await hub.StartAsync();
            var ready = Stopwatch.GetTimestamp();
            var sentByReady = reporter.Sent;
            using var memory = new PeakMemory(hub);

            // Every client connected again.
            while (clients.Any(c => c.Connection.State != HubConnectionState.Connected))
            {
                await Task.Delay(50);
            }

            var allConnected = Stopwatch.GetTimestamp();
            await Task.Delay(ReportingAfterRestart);
            reporter.Stop();
            await reporting;
            var total = reporter.Sent;

            // Every client current: each has every report's alert (they are applied once each, in order).
            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 120);
            while (alerts.Any(a => Count(a) < total) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(100);
            }

            var hubCpu = hub.CpuTime; // a new process: its start-up included
            var missing = alerts.Sum(a => Math.Max(0, total - Count(a)));
            // The moment each client held the alerts of every report sent until the hub was ready again.
            var current = alerts.Where(a => Count(a) >= sentByReady).Select(a => Moment(a, sentByReady - 1)).DefaultIfEmpty(ready).Max();
            var currentSeconds = Seconds(ready, current);
            var missedPerClient = sentByReady - reporter.StoredBeforeKill;
            var serial = await OneCatchUpSecondsAsync(hub, reporter.PositionBeforeKill);
            var busiest = reconnectedAt.Where(t => t > 0).GroupBy(t => (t - ready) / (Stopwatch.Frequency / 10)).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            return
            [
                new("S11.down", $"{n:N0} liaisons: hub killed -> ready again (a new process)", Seconds(killed, ready) * 1000, "ms"),
                new("S11.reconnected", $"{n:N0} liaisons: hub ready -> every client connected again", Seconds(ready, allConnected) * 1000, "ms"),
                new("S11.current", $"{n:N0} liaisons: hub ready -> every client holds every alert sent until then (about {missedPerClient:N0} missed each)", currentSeconds * 1000, "ms", "S11.serial"),
                new("S11.current/aim", $"{n:N0} liaisons: every client current, against the aim of 30 s", currentSeconds * 1000, "ms", "S11.aim"),
                new("S11.aim", "S11 aim: every client current within", 30_000, "ms"),
                new("S11.serial", $"{n:N0} x one client's catch-up of the same entries (S4's way, after the storm)", serial * n * 1000, "ms"),
                new("S11.missing", $"alerts missing at the end, over every client (of {(long)total * n:N0})", missing, "alerts"),
                new("S11.cpu.hub", "hub CPU from its start until every client current", hubCpu.TotalSeconds / Math.Max(0.001, Seconds(killed, Math.Max(current, allConnected))), "cores"),
                new("S11.memory.hub", "hub peak working set meanwhile", memory.PeakBytes / (1024.0 * 1024), "MiB"),
                new("S11.bunching", "share of the clients reconnecting in the busiest 100 ms after the restart", 100.0 * busiest / n, "%"),
            ];
        }
        finally
        {
            await Task.WhenAll(clients.Select(async c => await c.DisposeAsync()));
        }
    }

    private static int Count(List<long> alerts)
    {
        lock (alerts)
        {
            return alerts.Count;
        }
    }

    private static long Moment(List<long> alerts, int index)
    {
        lock (alerts)
        {
            return alerts[index];
        }
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    /// <summary>One client reconnecting after the same outage: connect and catch up from the position it had before the kill.</summary>
    private static async Task<double> OneCatchUpSecondsAsync(HubProcess hub, long after)
    {
        var started = Stopwatch.GetTimestamp();
        await using var client = await CoordinationClient.ConnectAsync(hub.BaseAddress, "liaison.ncem", HubProcess.SamplePassword, new CoordinationClientOptions { StartAfter = after });
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>Reports a flood in Derna (which alerts NCEM) every <see cref="ReportEvery"/>, each re-sent with its key until stored.</summary>
    private sealed class Reporter(HttpClient duty) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly List<Task> _sending = [];
        private int _sent;
        private int _stored;
        private long _position;

        /// <summary>Reports sent so far (each is stored once, sooner or later).</summary>
        public int Sent => Volatile.Read(ref _sent);

        /// <summary>Reports stored and answered before the kill, and the last position answered.</summary>
        public int StoredBeforeKill { get; private set; }

        public long PositionBeforeKill { get; private set; }

        public async Task RunAsync()
        {
            using var timer = new PeriodicTimer(ReportEvery);
            while (await Wait(timer))
            {
                Interlocked.Increment(ref _sent);
                _sending.Add(SendUntilStoredAsync(Guid.CreateVersion7()));
            }

            await Task.WhenAll(_sending);
        }

        /// <summary>Stops reporting; what was sent is still re-sent until stored.</summary>
        public void Stop() => _stop.Cancel();

        /// <summary>Called at the kill: what the hub had answered so far.</summary>
        public void MarkKill()
        {
            StoredBeforeKill = Volatile.Read(ref _stored);
            PositionBeforeKill = Interlocked.Read(ref _position);
        }

        public void Dispose() => _stop.Dispose();

        private async Task<bool> Wait(PeriodicTimer timer)
        {
            try
            {
                return await timer.WaitForNextTickAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        private async Task SendUntilStoredAsync(Guid eventId)
        {
            var report = new ReportIncidentRequest(eventId, HazardType.Flood, null, Severity.Extreme, null, null, "فيضان في درنة أثناء إعادة التشغيل", null, "derna",
                null, null, null, null, null, null, null);
            while (true)
            {
                try
                {
                    using var answer = await duty.PostAsJsonAsync("api/incidents", report, ContractJson.Options);
                    if (answer.IsSuccessStatusCode)
                    {
                        var stored = await answer.Content.ReadFromJsonAsync<ReportIncidentResponse>(ContractJson.Options);
                        Interlocked.Increment(ref _stored);
                        InterlockedMax(ref _position, stored!.Position);
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // The hub is down: the same report again shortly, as a client's outbox would.
                }

                await Task.Delay(200);
            }
        }

        private static void InterlockedMax(ref long target, long value)
        {
            long seen;
            while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    /// <summary>Samples the hub's working set every 250 ms until disposed.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly Timer _timer;
        private readonly HubProcess _hub;
        private long _peak;

        public PeakMemory(HubProcess hub)
        {
            _hub = hub;
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        }

        public long PeakBytes
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            try
            {
                var now = _hub.WorkingSetBytes;
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }
            }
            catch (InvalidOperationException)
            {
                // The process is between a kill and its start.
            }
        }
    }
}
