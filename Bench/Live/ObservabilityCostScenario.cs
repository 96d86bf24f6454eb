using Microsoft.Data.Sqlite;

namespace Coordination.Bench.Live;

/// <summary>
/// S12 what presence and metrics cost, read in one run: S1 at <see cref="Sizes.PairedRate"/> in rounds, a hub
/// without them then a hub with them (each round two fresh hub processes, one after the other, so the machine's
/// wander over minutes falls on both alike); and S6's idle connections without and with them. "Without" is
/// <c>Coordination:Telemetry:Metrics=false</c>, nobody scraping, and <c>FlagUnreachableAgencies=false</c>; "with" is
/// production's: measured, scraped every 5 s, and every alert judged for an agency with nobody connected. Which
/// connections each hub holds is tracked either way: sessions are ended through it. Every agency S1's reports alert
/// has a liaison connected, so "with" has nothing to flag and reads what knowing who listens costs; the flags it did
/// make are counted.
/// Aims: S1's p99 with them within 1.1x of without; S6's memory per idle connection within 1.1x.
/// </summary>
internal static class ObservabilityCostScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var rate = sizes.PairedRate;
        // Steps three times S1's: a p99 of 500 reports is the fifth worst, too few to read a tenth's difference by.
        var oneStep = sizes with { Rates = [rate], SearchSteps = 0, PairedRounds = 0, StepSeconds = sizes.StepSeconds * 3 };
        var without = new List<double>();
        var with = new List<double>();
        var flagged = new List<double>();
        async Task Without() => without.Add(await S1LastP99Async(folder, oneStep with { Metrics = false }, "cost-off", flag: false, rate));
        async Task With()
        {
            with.Add(await S1LastP99Async(folder, oneStep with { Metrics = true }, "cost-on", flag: true, rate));
            flagged.Add(FlagsIn(folder, "cost-on"));
        }

        for (var round = 0; round < sizes.CostRounds; round++)
        {
            // Which goes first alternates, so neither side always runs on a generator that has just done a step.
            Func<Task>[] order = round % 2 == 0 ? [Without, With] : [With, Without];
            foreach (var side in order)
            {
                await side();
            }
        }

        var idle = sizes with { IdleConnections = [sizes.CostConnections] };
        var idleWithout = await CapacityScenario.RunAsync(folder, idle, "S12.s6.off", metrics: false);
        var idleWith = await CapacityScenario.RunAsync(folder, idle, "S12.s6.on", metrics: true);
        var ratios = with.Zip(without, (w, o) => w / o).Order().ToArray();
        return
        [
            new("S12.s1.off.p99", $"S1 at {rate}/s without presence's flag and metrics: last-delivery p99, median of {without.Count} rounds", Latencies.Median(without), "ms"),
            new("S12.s1.on.p99", $"S1 at {rate}/s with them: last-delivery p99, median of {with.Count} rounds (aim: within 1.1x)", Latencies.Median(with), "ms", "S12.s1.off.p99"),
            new("S12.s1.on.flagged", "alerts flagged for an agency with nobody connected in a round with them, median (every agency has a liaison connected: 0 expected)", Latencies.Median(flagged), "entries"),
            new("S12.s1.rounds", $"with / without, round by round: lowest {ratios[0]:0.00}x, highest {ratios[^1]:0.00}x", Latencies.Median(ratios), "x"),
            .. idleWithout,
            .. idleWith.Select(r => r.Id.EndsWith(".memory", StringComparison.Ordinal) ? r with { BaselineId = r.Id.Replace(".on.", ".off.", StringComparison.Ordinal) } : r),
        ];
    }

    /// <summary>The <c>AgencyUnreachable</c> entries a round's hub appended, read from its database once it has stopped.</summary>
    private static double FlagsIn(string folder, string label)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, $"s1-{label}", "coordination.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM event_log WHERE type = 'AgencyUnreachable'";
        return Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<double> S1LastP99Async(string folder, Sizes sizes, string label, bool flag, int rate)
    {
        var (results, _) = await EndToEndScenario.RunAsync(folder, sizes, label, new Dictionary<string, string?>
        {
            ["Coordination__Realtime__FlagUnreachableAgencies"] = flag ? "true" : "false",
        });
        return results.Single(r => r.Id == $"S1.{label}.r{rate}.last.p99").Value;
    }
}
