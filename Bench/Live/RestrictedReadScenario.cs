using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Bench.Live;

/// <summary>
/// S7 restricted reads: cleared users (liaisons of the agencies the restricted incidents are cleared for) read
/// their board back to back, first a board of public incidents (nothing to audit: the baseline), then one of
/// as many restricted incidents. Reads per second, the log entries appended per board read (the audit), and
/// the pushes a connected commander received for them.
/// </summary>
internal static class RestrictedReadScenario
{
    private const int IncidentsPerBoard = 10;

    /// <summary>A Moderate flood in Derna is routed to these (and more); the restricted incidents are cleared for them.</summary>
    private static readonly string[] ClearedAgencies = ["ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna"];

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s7");
        await using var hub = await HubProcess.StartNewAsync(data);
        var readers = await RegisterReadersAsync(hub, sizes.BoardReaders);
        await ReportBoardsAsync(hub);

        var pushes = 0L;
        var lastPushed = 0L;
        var commander = await Listener.ConnectAsync(hub.BaseAddress, HubPaths.Coordination, await hub.TokenAsync("commander"), (entry, _) =>
            Interlocked.Exchange(ref lastPushed, entry.Position));
        commander.On<JsonElement, long>(nameof(ICoordinationClient.EntriesAppended), (_, _) => Interlocked.Increment(ref pushes));
        using var watcher = await hub.ClientForAsync("commander");
        var clients = await Task.WhenAll(readers.Select(hub.ClientForAsync));
        try
        {
            // An unrecorded step first, so start-up (JIT, first connections to the database) is not measured.
            await ReadAsync(clients, "Flood", Math.Min(2, sizes.BoardReadSeconds));
            var results = new List<Result>();
            foreach (var (board, hazard) in new[] { ("public", "Flood"), ("restricted", "SecurityIncident") })
            {
                var headBefore = await HeadAsync(watcher);
                var pushesBefore = Interlocked.Read(ref pushes);
                var hubCpu = hub.CpuTime;
                var (reads, seconds) = await ReadAsync(clients, hazard, sizes.BoardReadSeconds);
                var cores = (hub.CpuTime - hubCpu).TotalSeconds / seconds;
                var headAfter = await HeadAsync(watcher);
                if (headAfter > headBefore)
                {
                    await WaitForPushesAsync(() => Interlocked.Read(ref lastPushed), headAfter);
                }

                var appended = headAfter - headBefore;
                var pushed = Interlocked.Read(ref pushes) - pushesBefore;
                var id = $"S7.{board}";
                var what = $"{board} board ({IncidentsPerBoard} incidents), {clients.Length} cleared users reading back to back";
                results.Add(new($"{id}.rate", $"{what}: board reads per second", reads / seconds, "reads/s", board == "public" ? null : "S7.public.rate"));
                results.Add(new($"{id}.reads", $"{what}: board reads in {sizes.BoardReadSeconds:0} s", reads, "reads"));
                results.Add(new($"{id}.appended", $"{what}: log entries appended", appended, "entries"));
                results.Add(new($"{id}.entries", $"{what}: log entries appended per board read", reads > 0 ? appended / (double)reads : double.NaN, "entries/read"));
                results.Add(new($"{id}.pushes", $"{what}: pushes to one connected commander", pushed, "pushes"));
                results.Add(new($"{id}.cpu.hub", $"{what}: hub CPU", cores, "cores", board == "public" ? null : "S7.public.cpu.hub"));
            }

            return results;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            await commander.DisposeAsync();
        }
    }

    /// <summary>Every reader reads its board as soon as the last read was answered, for <paramref name="seconds"/>.</summary>
    private static async Task<(long Reads, double Seconds)> ReadAsync(HttpClient[] clients, string hazard, double seconds)
    {
        var reads = 0L;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(seconds * Stopwatch.Frequency);
        await Task.WhenAll(clients.Select(async client =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                using var response = await client.GetAsync(new Uri($"api/incidents?hazard={hazard}&limit={IncidentsPerBoard}", UriKind.Relative));
                var board = await response.Content.ReadFromJsonAsync<JsonElement>(ContractJson.Options);
                if (!response.IsSuccessStatusCode || board.GetArrayLength() != IncidentsPerBoard)
                {
                    throw new InvalidOperationException($"A board read answered {(int)response.StatusCode}: {board}");
                }

                Interlocked.Increment(ref reads);
            }
        }));
        return (reads, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The readers: liaisons spread over the cleared agencies, registered as an administrator would.</summary>
    private static async Task<string[]> RegisterReadersAsync(HubProcess hub, int count)
    {
        using var admin = await hub.ClientForAsync("admin");
        var readers = new string[count];
        for (var i = 0; i < count; i++)
        {
            var agency = ClearedAgencies[i % ClearedAgencies.Length];
            readers[i] = $"reader{i:00}.{agency}";
            await PostAsync(admin, "api/admin/users", new
            {
                userName = readers[i],
                displayName = $"Reader {i}",
                role = nameof(Role.Liaison),
                agency,
                password = HubProcess.SamplePassword,
            });
        }

        return readers;
    }

    /// <summary>Two boards of the same size: public floods routed to the readers' agencies, and restricted incidents cleared for them.</summary>
    private static async Task ReportBoardsAsync(HubProcess hub)
    {
        using var duty = await hub.ClientForAsync("duty.operator");
        for (var i = 0; i < IncidentsPerBoard; i++)
        {
            await PostAsync(duty, "api/incidents", new { hazard = "Flood", severity = "Moderate", title = $"فيضان في درنة {i}", district = "derna" });
            await PostAsync(duty, "api/incidents", new
            {
                hazard = "SecurityIncident",
                severity = "Moderate",
                title = $"تهديد لمنشأة نفطية {i}",
                district = "wahat",
                classification = nameof(Classification.Restricted),
                clearedAgencies = ClearedAgencies,
            });
        }
    }

    private static async Task<long> HeadAsync(HttpClient commander)
    {
        // The log's first entry is the directory's, so this read names no restricted incident and is not audited.
        var page = await commander.GetFromJsonAsync<JsonElement>("api/log?after=0&limit=1", ContractJson.Options);
        return page.GetProperty("headPosition").GetInt64();
    }

    /// <summary>Waits (at most 15 s) until the commander has been pushed everything up to <paramref name="head"/>.</summary>
    private static async Task WaitForPushesAsync(Func<long> lastPushed, long head)
    {
        var deadline = Stopwatch.GetTimestamp() + (15 * Stopwatch.Frequency);
        while (lastPushed() < head && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
    }

    private static async Task PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, ContractJson.Options);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
