using System.Diagnostics;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;

namespace Coordination.Bench;

/// <summary>S5: the auditor's walk of the whole chain S3 left behind.</summary>
internal static class VerifyScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder)
    {
        var path = AppendScenario.DatabasePath(folder);
        using var log = new EventLogStore(new SqliteDialect(path), new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var result = await log.VerifyAsync(CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"The chain does not verify at {result.FirstBadPosition}: {result.Problem}");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        SqliteBaseline.Delete(path);
        return
        [
            new("S5.rate", $"verify {result.EntriesChecked:N0} entries", result.EntriesChecked / seconds, "entries/s"),
            new("S5.time", "verify time", seconds, "s"),
        ];
    }
}
