using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Coordination.Testing;

namespace Coordination.Bench;

/// <summary>
/// bench: measures the log against the machine's own limits, each figure next to its baseline.
/// dotnet run --project Bench -c Release -- [--quick] [--data DIR] [--out DIR]
/// </summary>
internal static partial class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (Array.IndexOf(args, "--bare-hub") is var bare and >= 0)
        {
            return await Live.BareSignalR.ServeAsync(int.Parse(args[bare + 1], CultureInfo.InvariantCulture));
        }

        var quick = args.Contains("--quick");
        var data = Path.GetFullPath(Option("--data") ?? Path.Combine("artifacts", "bench-data"));
        var output = Path.GetFullPath(Option("--out") ?? Path.Combine("artifacts", "bench"));
        var fileSystem = Machine.FileSystemOf(data);
        if (fileSystem is "tmpfs" or "ramfs")
        {
            Console.Error.WriteLine($"Refusing to measure: {data} is on {fileSystem}, which never touches a disk. Use --data on a real disk.");
            return 2;
        }

        Directory.CreateDirectory(data);
        var sizes = quick ? Sizes.Quick : Sizes.Full;
        // Overrides for exploring: --only S3,S5 or --only S1 --rates 50,200 --liaisons 200 --step-seconds 10
        // (--search-steps 0 skips the search for S1's highest rate held, --paired-rounds 0 its rounds against B3.s1)
        sizes = sizes with
        {
            Liaisons = int.TryParse(Option("--liaisons"), out var liaisons) ? liaisons : sizes.Liaisons,
            StormLiaisons = int.TryParse(Option("--storm-liaisons"), out var storm) ? storm : sizes.StormLiaisons,
            Rates = Option("--rates")?.Split(',').Select(int.Parse).ToArray() ?? sizes.Rates,
            StepSeconds = double.TryParse(Option("--step-seconds"), CultureInfo.InvariantCulture, out var seconds) ? seconds : sizes.StepSeconds,
            SearchSteps = int.TryParse(Option("--search-steps"), out var searchSteps) ? searchSteps : sizes.SearchSteps,
            PairedRounds = int.TryParse(Option("--paired-rounds"), out var pairedRounds) ? pairedRounds : sizes.PairedRounds,
            // --no-metrics: S1's hub measures nothing (Coordination:Telemetry:Metrics=false) and nobody scrapes it, to
            // read what metrics cost against a run with them (scraped every 5 s, as a Prometheus would).
            Metrics = !args.Contains("--no-metrics"),
        };
        var only = Option("--only");
        var machine = Machine.Describe(data);
        Console.WriteLine($"bench ({(quick ? "quick" : "full")}): {machine}");
        var results = new List<Result>();
        var s1Steps = new Dictionary<string, IReadOnlyList<Live.EndToEndScenario.StepFigures>>();
        var suites = new (string Name, Func<Task<IReadOnlyList<Result>>> Run)[]
        {
            ("B1 disk: fdatasync", () => DiskBaseline.RunAsync(data, sizes)),
            ("B2 bare SQLite through Dapper", () => SqliteBaseline.RunAsync(data, sizes)),
            ("S3 log appends", () => AppendScenario.RunAsync(data, sizes)),
            ("S5 audit: verify the chain", () => VerifyScenario.RunAsync(data)),
            ("S2 fan-out, against B3 bare SignalR", () => Live.FanOutScenario.RunAsync(data, sizes)),
            ("S4 catch-up through the hub", () => Live.CatchUpScenario.RunAsync(data, sizes)),
            ("S6 idle connections", () => Live.CapacityScenario.RunAsync(data, sizes)),
            ("S7 board reads by cleared users: the restricted-access audit", () => Live.RestrictedReadScenario.RunAsync(data, sizes)),
            ("S8 the risk register and its heat map", () => Live.RegisterScenario.RunAsync(data, sizes)),
            ("S9 plan activation, against plain reports at S1's rates, then B3 at S9's load", () => Live.PlanActivationScenario.RunAsync(data, sizes)),
            ("S10 CAP export and import, against the log's append rate", () => Live.CapScenario.RunAsync(data, sizes)),
            ("S13 an exercise at 60x, against plain reports at its pace", () => Live.ExerciseScenario.RunAsync(data, sizes)),
            ("S14 evaluation figures for a quarter of a long log, against a trivial read", () => Live.EvaluationScenario.RunAsync(data, sizes)),
            ("S1 end to end, embedded default (in-memory bus), after B3 at S1's load", async () =>
            {
                await using var bare = await Live.BareEndToEnd.StartAsync(sizes);
                var baseline = await bare.MeasureRatesAsync(sizes.Rates);
                var diskP99 = results.First(r => r.Id == "B1.p99").Value;
                var (s1, steps) = await Live.EndToEndScenario.RunAsync(data, sizes, "memory", paired: bare, diskP99: diskP99);
                s1Steps["in-memory bus"] = steps;
                return [.. baseline, .. s1];
            }),
            ("B4 bare MassTransit, then S1 on RabbitMQ", () => RabbitMqSuiteAsync(data, sizes)),
            ("S15 agency systems on the bus: 20 subscribers at S1's rates, against B4 on the same broker", () => Live.AgencyBusScenario.RunAsync(data, sizes)),
            ("S11 a reconnect storm: the hub killed and restarted under its liaisons", () => Live.ReconnectStormScenario.RunAsync(data, sizes)),
            ("S12 what presence and metrics cost: S1 and S6 with them and without", () => Live.ObservabilityCostScenario.RunAsync(data, sizes)),
        };
        // A name's beginning picks it (S1, or "S1 end"), but S1 does not pick S10.
        // Suites that take more than a few seconds even at tiny sizes run in --quick only when named with --only.
        string[] fullOnly = ["S11", "S12"];
        foreach (var (name, run) in suites.Where(s => !(quick && only is null && fullOnly.Any(f => s.Name.StartsWith(f + " ", StringComparison.Ordinal)))).Where(s => only is null || only.Split(',').Any(o => s.Name.StartsWith(o, StringComparison.OrdinalIgnoreCase)
                     && (s.Name.Length == o.Length || !char.IsAsciiDigit(s.Name[o.Length]))) || s.Name.StartsWith("B1", StringComparison.Ordinal)))
        {
            // Each suite starts from a compacted heap: the garbage of the one before (19,000 connections after
            // S6) must not turn into the next one's pauses in the generator, measured as the hub's latency.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var started = Stopwatch.GetTimestamp();
            Console.Write($"  {name} ...");
            results.AddRange(await run());
            Console.WriteLine($" {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        }

        // S1's aim at 100 incidents/s: within the disk's p99 + bare SignalR's p99 + 10 ms. Bare SignalR's p99 is
        // measured at S1's load (B3.s1: the same clients, groups, pushes and rate). The quiet reading, one bare
        // broadcast to 100 clients (one incident's audience is about 150) on an otherwise idle machine, is kept
        // beside it: it asks for S1's latency without S1's load.
        if (results.FirstOrDefault(r => r.Id == "B1.p99") is { } disk)
        {
            if (results.FirstOrDefault(r => r.Id == "B3.s1.r100.last.p99") is { } loaded)
            {
                results.Add(new Result("S1.budget", $"S1 aim: B1 p99 + {loaded.Id} + 10 ms", Live.EndToEndScenario.Aim(disk.Value, loaded.Value), "ms"));
            }

            if (results.FirstOrDefault(r => r.Id == "B3.n100.last") is { } quiet)
            {
                results.Add(new Result("S1.budget.quiet", $"S1 aim read quietly: B1 p99 + {quiet.Id} (median, one broadcast) + 10 ms", Live.EndToEndScenario.Aim(disk.Value, quiet.Value), "ms"));
            }
        }
        var rated = results.Select(r => r.BaselineId is { } b && results.FirstOrDefault(x => x.Id == b) is { } baseline && baseline.Value > 0
            ? r with { Ratio = r.Value / baseline.Value }
            : r).ToArray();
        var table = Report.Markdown(rated, machine, quick);
        Console.WriteLine();
        Console.WriteLine(table);
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "results.md"), table);
        await File.WriteAllTextAsync(Path.Combine(output, "results.json"), JsonSerializer.Serialize(new { machine, quick, at = DateTimeOffset.UtcNow, results = rated }, Report.Json));
        if (s1Steps.TryGetValue("in-memory bus", out var plotted))
        {
            Plot.LatencyPlot.Write(Path.Combine(output, "s1-latency.png"), plotted.Select(s => ((double)s.Rate, s.Last.P50, s.Last.P99)).ToArray());
        }

        Console.WriteLine($"Written: {Path.Combine(output, "results.md")}, results.json{(s1Steps.Count > 0 ? " and s1-latency.png" : "")}");
        return 0;

        string? Option(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }
    }
}

internal static partial class BenchProgram
{
    /// <summary>B4 on both transports and S1 again on RabbitMQ, on a private broker; B4 in memory only when none is installed.</summary>
    private static async Task<IReadOnlyList<Result>> RabbitMqSuiteAsync(string data, Sizes sizes)
    {
        if (!RabbitMqBroker.IsInstalled)
        {
            Console.Write(" (rabbitmq-server is not installed: in-memory only)");
            return await Live.BareBusBaseline.RunAsync(sizes, null);
        }

        await using var broker = await RabbitMqBroker.StartAsync();
        var results = new List<Result>(await Live.BareBusBaseline.RunAsync(sizes, broker));
        var (s1, _) = await Live.EndToEndScenario.RunAsync(data, sizes, "rabbitmq", new Dictionary<string, string?>
        {
            ["Coordination__Bus__Transport"] = "RabbitMq",
            ["Coordination__Bus__Host"] = "127.0.0.1",
            ["Coordination__Bus__Port"] = broker.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["Coordination__Bus__QueuePrefix"] = "s1" + Guid.NewGuid().ToString("N")[..8],
        });
        results.AddRange(s1);
        return results;
    }
}

/// <summary>How much of each thing to do.</summary>
internal sealed record Sizes(int Syncs, int SingleRowInserts, int BatchedRows, int Appends, int ConcurrentWriters, int StoredEntries, int LatencySamples)
{
    public static Sizes Quick { get; } = new(100, 200, 2_000, 200, 4, 5_000, 100)
    {
        Liaisons = 40, AgencyGroups = 20, Rates = [5, 20], StepSeconds = 1, SearchSteps = 0, PairedRate = 20, PairedRounds = 1,
        FanOuts = [10, 50], FanOutRepeats = 2, CatchUpEntries = 500, IdleConnections = [100], BusMessages = 500,
        BoardReaders = 10, BoardReadSeconds = 1, RegisterRisks = 36, RegisterHistory = 72, RegisterReads = 20,
        StormLiaisons = 50, CostRounds = 1, CostConnections = 100,
        ExerciseInjects = 12, ExerciseMinutes = 3, EvaluationEntries = 20_000, EvaluationReads = 5, LongLogIdleSeconds = 5,
    };

    public static Sizes Full { get; } = new(2_000, 3_000, 100_000, 3_000, 4, 1_000_000, 1_000);

    /// <summary>S1: connected liaisons, spread over this many agency groups.</summary>
    public int Liaisons { get; init; } = 1_000;

    public int AgencyGroups { get; init; } = 20;

    /// <summary>S1: the fixed offered rates (incidents/s), then a bisection for the highest rate held.</summary>
    public int[] Rates { get; init; } = [10, 100, 500];

    public double StepSeconds { get; init; } = 5;

    public int SearchSteps { get; init; } = 3;

    /// <summary>S1: the rate of its aim, read in rounds alternating with B3.s1, and how many rounds.</summary>
    public int PairedRate { get; init; } = 100;

    public int PairedRounds { get; init; } = 5;

    /// <summary>S2 and B3: how many clients one message fans out to, and how many times each is measured.</summary>
    public int[] FanOuts { get; init; } = [10, 100, 1_000, 5_000];

    public int FanOutRepeats { get; init; } = 5;

    /// <summary>S4: entries a client missed.</summary>
    public int CatchUpEntries { get; init; } = 10_000;

    /// <summary>S6: idle connections held, in steps (the generator's descriptor limit, 20,000 here, caps the last).</summary>
    public int[] IdleConnections { get; init; } = [1_000, 5_000, 10_000, 19_000];

    /// <summary>B4: entries pushed through the bare bus.</summary>
    public int BusMessages { get; init; } = 20_000;

    /// <summary>S7: cleared users reading their board back to back, and for how long per board.</summary>
    public int BoardReaders { get; init; } = 50;

    public double BoardReadSeconds { get; init; } = 10;

    /// <summary>S8: risks added to the sample register, history entries written across them, and reads measured per view.</summary>
    public int RegisterRisks { get; init; } = 486;

    public int RegisterHistory { get; init; } = 10_000;

    public int RegisterReads { get; init; } = 300;

    /// <summary>S11: liaisons connected through the .NET client when the hub is killed and started again.</summary>
    public int StormLiaisons { get; init; } = 5_000;

    /// <summary>S12: rounds of S1 at <see cref="PairedRate"/> without, then with, presence's flag and metrics; and S6's connections for the same.</summary>
    public int CostRounds { get; init; } = 5;

    public int CostConnections { get; init; } = 5_000;

    /// <summary>S13: the scenario's injects (500 at most, as a scenario holds), and its length in exercise minutes (played at 60x).</summary>
    public int ExerciseInjects { get; init; } = 500;

    public int ExerciseMinutes { get; init; } = 120;

    /// <summary>S14: the log's length, a year of incidents, and evaluation reads measured.</summary>
    public int EvaluationEntries { get; init; } = 1_000_000;

    public int EvaluationReads { get; init; } = 20;

    /// <summary>S14: how long the hub on the year's log, and one on an empty log, are watched doing nothing.</summary>
    public double LongLogIdleSeconds { get; init; } = 30;

    /// <summary>S1: whether the hub measures itself and is scraped (--no-metrics turns both off).</summary>
    public bool Metrics { get; init; } = true;
}

internal static class Report
{
    public static JsonSerializerOptions Json { get; } = new() { WriteIndented = true };

    public static string Markdown(IReadOnlyList<Result> results, string machine, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}. Run: {(quick ? "quick (tiny sizes: a smoke test, not figures to quote)" : "full")}.");
        text.AppendLine();
        text.AppendLine("| id | what | value | unit | vs baseline | ratio |");
        text.AppendLine("|---|---|---:|---|---|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Id} | {r.What} | {r.Value:0.###} | {r.Unit} | {r.BaselineId ?? ""} | {(r.Ratio is { } ratio ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "")} |");
        }

        return text.ToString();
    }
}
