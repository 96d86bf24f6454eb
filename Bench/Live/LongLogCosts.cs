using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Testing;

namespace Coordination.Bench.Live;

/// <summary>
/// What a year's log costs a hub that is doing little, read on S14's hub once its agencies and their liaisons are
/// registered: its CPU while nothing happens (heartbeats to every agency, the escalation scan, the other timers) against
/// a hub on an empty log idle as long in the same run; and a liaison's catch-up after a dropped link (the entries of
/// the last few thousand positions that its agency may see), read back to back, against the trivial read. Neither may
/// grow with the length of the log: what the hub does on a quiet night should not depend on how many nights came before.
/// </summary>
internal static class LongLogCosts
{
    /// <summary>How far back the liaison's catch-up starts: a few minutes of a busy night's log.</summary>
    private const long MissedPositions = 3_000;

    public static async Task<IReadOnlyList<Result>> MeasureAsync(HubProcess hub, string folder, Sizes sizes, long stored, Latencies trivial)
    {
        var agencies = BenchAgencies.Of(EvaluationScenario.AgencyCount);
        await agencies.RegisterAsync(hub);
        var what = $"{stored:N0} entries";
        var results = new List<Result>();

        using (var liaison = await hub.ClientForAsync(BenchAgencies.LiaisonOf(agencies.Codes[2])))
        {
            var head = (await liaison.GetFromJsonAsync<JsonElement>("api/log?after=0&limit=1", ContractJson.Options)).GetProperty("headPosition").GetInt64();
            var path = $"api/log?after={Math.Max(0, head - MissedPositions)}&limit=500";
            await RegisterScenario.MeasureAsync(liaison, path, 2);
            var catchUp = await RegisterScenario.MeasureAsync(liaison, path, sizes.EvaluationReads * 5);
            results.Add(new("S14.catchup.p50", $"{what}: a liaison's catch-up of the last {MissedPositions:N0} positions (its agency's share of them), p50", catchUp.Percentile(50), "ms"));
            results.Add(new("S14.catchup.p99", $"{what}: the same, p99, against the trivial read", catchUp.Percentile(99), "ms", "S14.hazards.p99",
                catchUp.Percentile(99) / trivial.Percentile(99)));
        }

        var idle = await IdleCoresAsync(hub, sizes.LongLogIdleSeconds);
        await using var empty = await HubProcess.StartNewAsync(DataFolder.Fresh(folder, "s14-empty"));
        await agencies.RegisterAsync(empty);
        var emptyIdle = await IdleCoresAsync(empty, sizes.LongLogIdleSeconds);
        results.Add(new("S14.idle.empty", $"a hub on an empty log, the same agencies registered, nothing happening for {sizes.LongLogIdleSeconds:0} s: CPU", emptyIdle, "cores"));
        results.Add(new("S14.idle.cpu", $"{what}: the hub with nothing happening for {sizes.LongLogIdleSeconds:0} s: CPU, against the empty log's", idle, "cores", "S14.idle.empty"));
        return results;
    }

    /// <summary>The hub's CPU over <paramref name="seconds"/> of nothing, after a heartbeat's interval to settle.</summary>
    private static async Task<double> IdleCoresAsync(HubProcess hub, double seconds)
    {
        await Task.Delay(TimeSpan.FromSeconds(6));
        var before = hub.CpuTime;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return (hub.CpuTime - before).TotalSeconds / seconds;
    }
}
