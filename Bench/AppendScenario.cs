using System.Diagnostics;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;

namespace Coordination.Bench;

/// <summary>S3: appends through the real log (hash chain, projections, one transaction each), against B2.</summary>
internal static class AppendScenario
{
    public static string DatabasePath(string folder) => Path.Combine(folder, "s3.db");

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var path = DatabasePath(folder);
        SqliteBaseline.Delete(path);
        DapperSetup.EnsureConfigured();
        var dialect = new SqliteDialect(path);
        await new MigrationRunner(dialect, TimeProvider.System).MigrateAsync(CancellationToken.None);
        using var log = new EventLogStore(dialect, new ReadModelProjector(), new AppendSignal(), TimeProvider.System);

        // Latency on an empty log, then throughput of one writer.
        var atEmpty = new Latencies();
        for (var i = 0; i < sizes.LatencySamples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await ReportAsync(log);
            atEmpty.Record(start);
        }

        var single = Stopwatch.StartNew();
        for (var i = 0; i < sizes.Appends; i++)
        {
            await ReportAsync(log);
        }

        var singleRate = sizes.Appends / single.Elapsed.TotalSeconds;
        var concurrent = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, sizes.ConcurrentWriters).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < sizes.Appends / sizes.ConcurrentWriters; i++)
            {
                await ReportAsync(log);
            }
        })));
        var concurrentRate = sizes.Appends / concurrent.Elapsed.TotalSeconds;

        // One writer with many appends in flight (a hub under load): they share group commits. As many as B2.100
        // inserts rows, so both figures average over the same stretch of this machine's noisy disk.
        var writtenBefore = Machine.BytesWritten();
        var pipelined = Stopwatch.StartNew();
        await PipelineAsync(log, sizes.BatchedRows);
        var pipelinedRate = sizes.BatchedRows / pipelined.Elapsed.TotalSeconds;
        var written = Machine.BytesWritten() - writtenBefore;

        // The same against B2.100 measured alternately, round by round, so each ratio compares the two on the
        // disk as it was within the same few seconds: B2 and S3 above run a minute apart, and this disk's
        // speed wanders over a minute (B2.100 measured 23,400 to 36,600 rows/s in one afternoon's runs).
        var paired = new List<double>();
        await using (var bare = await SqliteBaseline.BareTable.CreateAsync(Path.Combine(folder, "b2-paired.db")))
        {
            var perRound = sizes.BatchedRows / PairedRounds;
            for (var round = 0; round < PairedRounds; round++)
            {
                var b2 = Stopwatch.StartNew();
                await bare.InsertAsync(perRound, perTransaction: 100);
                var b2Seconds = b2.Elapsed.TotalSeconds;
                var s3 = Stopwatch.StartNew();
                await PipelineAsync(log, perRound);
                paired.Add(b2Seconds / s3.Elapsed.TotalSeconds);
            }
        }

        paired.Sort();

        // The hash chain's own cost, per row.
        var row = new StoredRow { Position = 1, IncidentId = Guid.NewGuid(), Version = 1, EventId = Guid.NewGuid(), Type = EventTypes.IncidentReported, Data = SampleRow.Report(Guid.NewGuid()).Data, Metadata = "{}", RecordedAt = 1 };
        var hashing = Stopwatch.StartNew();
        var previous = ChainHasher.Genesis;
        for (var i = 0; i < 20_000; i++)
        {
            previous = ChainHasher.Compute(previous, row);
        }

        var hashMicroseconds = hashing.Elapsed.TotalMilliseconds * 1000 / 20_000;

        // Fill the log to the stored size in large appends, then measure single appends again.
        var (filler, fillerReport) = SampleRow.NewReport();
        await log.AppendAsync(filler, ExpectedVersion.NoStream, [fillerReport], CancellationToken.None);
        var update = System.Text.Json.JsonSerializer.Serialize(
            new IncidentUpdated(filler, "تقرير حالة: المياه تنحسر في الأحياء الشرقية، والفرق تواصل البحث والإنقاذ.", Severity.Severe, "duty.operator", "moi-duty", DateTimeOffset.UtcNow),
            Agencies.Contracts.ContractJson.Options);
        var metadata = SampleRow.Report(filler).Metadata;
        while (await log.HeadPositionAsync(CancellationToken.None) < sizes.StoredEntries)
        {
            var batch = Enumerable.Range(0, 500).Select(_ => new NewEvent(Guid.CreateVersion7(), EventTypes.IncidentUpdated, update, metadata)).ToArray();
            await log.AppendAsync(filler, ExpectedVersion.Any, batch, CancellationToken.None);
        }

        var stored = await log.HeadPositionAsync(CancellationToken.None);
        var atStored = new Latencies();
        for (var i = 0; i < sizes.LatencySamples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await ReportAsync(log);
            atStored.Record(start);
        }

        return
        [
            new("S3.single", "log appends, one writer, one report per append", singleRate, "appends/s", "B2.1"),
            new("S3.single/100", "log appends, one writer, against batched bare inserts", singleRate, "appends/s", "B2.100"),
            new("S3.concurrent", $"log appends, {sizes.ConcurrentWriters} concurrent writers", concurrentRate, "appends/s", "B2.1"),
            new("S3.pipelined", "log appends, 100 in flight (group commit)", pipelinedRate, "appends/s", "B2.100"),
            new("S3.pipelined.paired", $"log appends, 100 in flight, against B2.100 measured alternately: median of {PairedRounds} rounds (lowest {paired[0]:0.00}x, highest {paired[^1]:0.00}x)", paired[PairedRounds / 2], "x"),
            .. written is { } bytes ? [new Result("S3.pipelined.written", "log appends, 100 in flight: written to disk per append (log row, its indexes, read models)", bytes / 1024.0 / sizes.BatchedRows, "KiB", "B2.100.written")] : Array.Empty<Result>(),
            new("S3.hash", "hash chain cost per entry (SHA-256 over canonical bytes)", hashMicroseconds, "µs"),
            new("S3.lat0.p50", "append latency on an empty log, p50", atEmpty.Percentile(50), "ms", "B1.p50"),
            new("S3.lat0.p99", "append latency on an empty log, p99", atEmpty.Percentile(99), "ms", "B1.p99"),
            new("S3.latN.p50", $"append latency with {stored:N0} entries stored, p50", atStored.Percentile(50), "ms", "S3.lat0.p50"),
            new("S3.latN.p99", $"append latency with {stored:N0} entries stored, p99", atStored.Percentile(99), "ms", "S3.lat0.p99"),
        ];
    }

    private const int PairedRounds = 5;

    /// <summary>
    /// <paramref name="count"/> reports with 100 in flight. A window, not waves: each append that completes makes
    /// room for the next, so the writer always has up to 100 waiting (waves of 100 left it idle while the next
    /// wave was built).
    /// </summary>
    private static async Task PipelineAsync(EventLogStore log, int count)
    {
        using var window = new SemaphoreSlim(100);
        var inFlight = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await window.WaitAsync();
            inFlight.Add(ReportAsync(log).ContinueWith(_ => window.Release(), TaskScheduler.Default));
        }

        await Task.WhenAll(inFlight);
    }

    private static Task<AppendResult> ReportAsync(EventLogStore log)
    {
        var (id, report) = SampleRow.NewReport();
        return log.AppendAsync(id, ExpectedVersion.NoStream, [report], CancellationToken.None);
    }
}
