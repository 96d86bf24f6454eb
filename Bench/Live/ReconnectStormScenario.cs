using System.Diagnostics;
using System.Net.Http.Json;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S11 a reconnect storm: N liaisons connected through the .NET client, spread over S1's agency groups (each signing
/// in as its agency's liaison), floods reported at a steady rate across the districts and routed to three agencies
/// each as in S1; the hub process is killed (SIGKILL) and started again while the reports keep coming (each re-sent
/// with its idempotency key until stored). Measured: from the restart, the time until every client is connected
/// again and until every client holds its agency's alert of every report sent up to then (the outage's included);
/// alerts missing at the end; the hub's CPU and peak memory meanwhile; and how bunched the reconnections were (the
/// client's back-off has jitter). Read against N times one client's catch-up of the same entries (S4's way, signed in
/// already) in the same run.
/// </summary>
internal static class ReconnectStormScenario
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReportingAfterRestart = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s11");
        var agencies = BenchAgencies.WriteRules(data, sizes.AgencyGroups, out var rulesPath);
        await using var hub = await HubProcess.StartNewAsync(data, new Dictionary<string, string?> { ["Coordination__Routing__RulesPath"] = rulesPath });
        await agencies.RegisterAsync(hub);
        var n = sizes.StormLiaisons;
        // A few seconds' cap, so a client's waits after a few failures stay in the range of a restart.
        var options = new CoordinationClientOptions { MaxReconnectDelay = TimeSpan.FromSeconds(5) };
        var agencyOf = Enumerable.Range(0, n).Select(i => agencies.Codes[i % agencies.Codes.Length]).ToArray();
        var alerts = new List<long>[n];
        var reconnectedAt = new long[n];
        var clients = await Listener.ConnectManyAsync(n, async i =>
        {
            alerts[i] = [];
            var agency = agencyOf[i];
            var client = await CoordinationClient.ConnectAsync(hub.BaseAddress, BenchAgencies.LiaisonOf(agency), HubProcess.SamplePassword, options);
            client.EntryApplied += entry =>
            {
                if (entry.Type == EventTypes.AgencyAlerted && entry.DataAs<AgencyAlerted>().Agency == agency)
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

            // Each agency is owed the alert of each report routed to it: a report's district names its three agencies.
            int Owed(string agency, int reports) => Enumerable.Range(0, reports).Count(k => agencies.RoutedFor(k % Districts.All.Count).Contains(agency));
            var owedByReady = agencies.Codes.ToDictionary(a => a, a => Owed(a, sentByReady));
            var owedAtEnd = agencies.Codes.ToDictionary(a => a, a => Owed(a, total));

            // Every client current: each has every alert owed to its agency (they are applied once each, in order).
            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 120);
            while (Enumerable.Range(0, n).Any(i => Count(alerts[i]) < owedAtEnd[agencyOf[i]]) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(100);
            }

            var hubCpu = hub.CpuTime; // a new process: its start-up included
            var missing = Enumerable.Range(0, n).Sum(i => Math.Max(0, owedAtEnd[agencyOf[i]] - Count(alerts[i])));
            var owedInAll = Enumerable.Range(0, n).Sum(i => (long)owedAtEnd[agencyOf[i]]);
            // The moment each client held the alerts owed to its agency of every report sent until the hub was ready again.
            var current = Enumerable.Range(0, n)
                .Where(i => owedByReady[agencyOf[i]] > 0 && Count(alerts[i]) >= owedByReady[agencyOf[i]])
                .Select(i => Moment(alerts[i], owedByReady[agencyOf[i]] - 1)).DefaultIfEmpty(ready).Max();
            var currentSeconds = Seconds(ready, current);
            var missedPerAgency = (sentByReady - reporter.StoredBeforeKill) * BenchAgencies.RoutedPerIncident / agencies.Codes.Length;
            var serial = await OneCatchUpSecondsAsync(hub, BenchAgencies.LiaisonOf(agencies.Codes[0]), reporter.PositionBeforeKill);
            var busiest = reconnectedAt.Where(t => t > 0).GroupBy(t => (t - ready) / (Stopwatch.Frequency / 10)).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            var shape = $"{n:N0} liaisons in {agencies.Codes.Length} agencies";
            return
            [
                new("S11.down", $"{shape}: hub killed -> ready again (a new process)", Seconds(killed, ready) * 1000, "ms"),
                new("S11.reconnected", $"{shape}: hub ready -> every client connected again", Seconds(ready, allConnected) * 1000, "ms"),
                new("S11.current", $"{shape}: hub ready -> every client holds every alert to its agency sent until then (about {missedPerAgency:N0} missed each)", currentSeconds * 1000, "ms", "S11.serial"),
                new("S11.current/aim", $"{shape}: every client current, against the aim of 30 s", currentSeconds * 1000, "ms", "S11.aim"),
                new("S11.aim", "S11 aim: every client current within", 30_000, "ms"),
                new("S11.serial", $"{n:N0} x one client's reconnect and catch-up of the same entries (S4's way, signed in already, after the storm)", serial * n * 1000, "ms"),
                new("S11.missing", $"alerts missing at the end, over every client (of {owedInAll:N0})", missing, "alerts"),
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

    /// <summary>
    /// One client reconnecting after the same outage, signed in beforehand as the storm's clients were (they reconnect
    /// with the token they hold): a connection, then the log's pages after the position it had before the kill, read
    /// as the client reads them; the mean of a few rounds.
    /// </summary>
    private static async Task<double> OneCatchUpSecondsAsync(HubProcess hub, string userName, long after)
    {
        using var http = await hub.ClientForAsync(userName);
        var token = await hub.TokenAsync(userName);
        const int Rounds = 5;
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < Rounds; round++)
        {
            var connection = await Listener.ConnectAsync(hub.BaseAddress, HubPaths.Coordination, token, null);
            try
            {
                var position = after;
                while (true)
                {
                    var page = (await http.GetFromJsonAsync<CatchUpResponse>($"api/log?after={position}&limit=500", ContractJson.Options))!;
                    position = page.NextAfter;
                    if (page.NextAfter >= page.HeadPosition)
                    {
                        break;
                    }
                }
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds / Rounds;
    }

    /// <summary>
    /// Reports a flood every <see cref="ReportEvery"/>, the k-th in the k-th district round the list (so routed to that
    /// district's three bench agencies), each re-sent with its key until stored.
    /// </summary>
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
                var index = Interlocked.Increment(ref _sent) - 1;
                _sending.Add(SendUntilStoredAsync(Guid.CreateVersion7(), Districts.All[index % Districts.All.Count].Code));
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

        private async Task SendUntilStoredAsync(Guid eventId, string district)
        {
            var report = new ReportIncidentRequest(eventId, HazardType.Flood, null, Severity.Severe, null, null, "فيضان أثناء إعادة التشغيل", null, district,
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
