using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Testing;

namespace Coordination.Bench.Live;

/// <summary>
/// S4 catch-up: a commander's client that missed N entries connects and reads them all through the
/// hub (REST pages, as the client does after any outage). Reconnect -> caught up, and entries per second.
/// </summary>
internal static class CatchUpScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s4");
        // The missed entries are written straight into the hub's database before it starts; Minor floods,
        // so the hub's start does not route them into tens of thousands of alerts first.
        DapperSetup.EnsureConfigured();
        var dialect = new SqliteDialect(Path.Combine(data, "coordination.db"));
        await new MigrationRunner(dialect, TimeProvider.System).MigrateAsync(CancellationToken.None);
        using (var log = new EventLogStore(dialect, new ReadModelProjector(), new AppendSignal(), TimeProvider.System))
        {
            await Task.WhenAll(Enumerable.Range(0, 100).Select(async w =>
            {
                for (var i = w; i < sizes.CatchUpEntries; i += 100)
                {
                    var (id, report) = SampleRow.NewReport(Agencies.Contracts.Reference.Severity.Minor);
                    await log.AppendAsync(id, ExpectedVersion.NoStream, [report], CancellationToken.None);
                }
            }));
        }

        await using var hub = await HubProcess.StartNewAsync(data);
        var head = await WaitForQuietHeadAsync(hub);
        var started = Stopwatch.GetTimestamp();
        await using var client = await CoordinationClient.ConnectAsync(hub.BaseAddress, "commander", HubProcess.SamplePassword);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (client.LastPosition < head)
        {
            throw new InvalidOperationException($"The client stopped at {client.LastPosition} of {head}.");
        }

        return
        [
            new("S4.time", $"reconnect -> caught up on {head:N0} missed entries", elapsed * 1000, "ms"),
            new("S4.rate", "catch-up through the hub", head / elapsed, "entries/s", "S4.aim"),
            new("S4.aim", "S4 aim", 10_000, "entries/s"),
        ];
    }

    /// <summary>The hub publishes and routes the stored entries when it starts; measure once it is done.</summary>
    private static async Task<long> WaitForQuietHeadAsync(HubProcess hub)
    {
        using var commander = await hub.ClientForAsync("commander");
        long last = -1;
        var stableSince = Stopwatch.GetTimestamp();
        while (true)
        {
            var page = await commander.GetFromJsonAsync<JsonElement>("api/log?after=0&limit=1", ContractJson.Options);
            var head = page.GetProperty("headPosition").GetInt64();
            if (head != last)
            {
                last = head;
                stableSince = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(stableSince) > TimeSpan.FromSeconds(3))
            {
                return head;
            }

            await Task.Delay(250);
        }
    }
}
