using System.Diagnostics;

namespace Coordination.Bench;

/// <summary>B1: what one durable write costs on this disk: a 4 KiB write followed by a flush to disk.</summary>
internal static class DiskBaseline
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var path = Path.Combine(folder, "b1-fdatasync.bin");
        var block = new byte[4096];
        var latencies = new Latencies();
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            for (var i = 0; i < sizes.Syncs; i++)
            {
                var start = Stopwatch.GetTimestamp();
                file.Write(block);
                file.Flush(flushToDisk: true);
                latencies.Record(start);
            }
        }

        File.Delete(path);
        return
        [
            new("B1.p50", "single-writer write+fsync, p50", latencies.Percentile(50), "ms"),
            new("B1.p99", "single-writer write+fsync, p99", latencies.Percentile(99), "ms"),
        ];
    }
}
