using System.Diagnostics;
using System.Globalization;
using System.Text;
using Coordination.Hub.Features.Register;
using Coordination.Testing;

namespace Coordination.Bench.Live;

/// <summary>
/// S8 the risk register: a register of many risks with a long history (every risk changed again and again through
/// imports, each change an entry of its stream), then the register and its heat map read back to back by one
/// client; their latencies against a trivial read (the hazard list) measured in the same run.
/// </summary>
internal static class RegisterScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s8");
        await using var hub = await HubProcess.StartNewAsync(data);
        using var admin = await hub.ClientForAsync("admin");
        var template = RegisterSeed.Sample().Single(r => r.Code == "flood-coastal-belt");
        var codes = Enumerable.Range(0, sizes.RegisterRisks).Select(i => $"bench-risk-{i:0000}").ToArray();
        var rounds = Math.Max(1, sizes.RegisterHistory / codes.Length);
        for (var round = 0; round < rounds; round++)
        {
            // Each round changes every risk's controls: one entry per risk, the first round enters them.
            var risks = codes.Select(code => (template with { Code = code, ControlsEn = $"Reviewed in round {round}." }).ToRisk(RiskWriter.IdFor(code)));
            using var response = await admin.PostAsync(new Uri("api/register/import?reason=bench", UriKind.Relative),
                new StringContent(RegisterCsv.Write(risks), Encoding.UTF8, "text/csv"));
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"An import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        var what = $"{codes.Length + RegisterSeed.Sample().Count:N0} risks, {codes.Length * rounds:N0} history entries";
        var results = new List<Result>();
        await MeasureAsync(admin, "api/reference/hazards", 20);
        var baseline = await MeasureAsync(admin, "api/reference/hazards", sizes.RegisterReads);
        results.Add(new("S8.hazards.p99", "a trivial read (the hazard list): p99", baseline.Percentile(99), "ms"));
        foreach (var (id, path, label) in new[] { ("register", "api/register", "the whole register"), ("heatmap", "api/register/heatmap", "the heat map") })
        {
            await MeasureAsync(admin, path, 20);
            var latencies = await MeasureAsync(admin, path, sizes.RegisterReads);
            results.Add(new($"S8.{id}.p50", $"{what}: {label}, p50", latencies.Percentile(50), "ms"));
            results.Add(new($"S8.{id}.p99", $"{what}: {label}, p99 (aim: under 50 ms)", latencies.Percentile(99), "ms", "S8.hazards.p99",
                latencies.Percentile(99) / baseline.Percentile(99)));
        }

        return results;
    }

    /// <summary>Reads <paramref name="path"/> <paramref name="reads"/> times back to back: the latency of each.</summary>
    internal static async Task<Latencies> MeasureAsync(HttpClient client, string path, int reads)
    {
        var latencies = new Latencies();
        for (var i = 0; i < reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            latencies.Record(started);
        }

        return latencies;
    }
}
