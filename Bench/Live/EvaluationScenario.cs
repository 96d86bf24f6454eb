using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Relay;
using Coordination.Hub.Features.Evaluation;
using Coordination.Persistence.Checkpoints;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Testing;

namespace Coordination.Bench.Live;

/// <summary>
/// S14 evaluation figures over a long log: a year of closed incidents (each reported, routed to three of 20 agencies,
/// acknowledged in time, late or never, updated by one agency, closed) written straight into the hub's database through
/// the real log (hash chain, inline projections) until it holds the stored size, spread evenly over the year so a
/// quarter holds a quarter of them. Then GET /api/evaluation for the last quarter (the quarter and the one before,
/// per agency, hazard and district), read back to back by a commander, against a trivial read (the hazard list) in the
/// same run. The figures read the alert inbox and the task board, kept by the append with the times they need, by
/// period: their cost follows the alerts of the two quarters read, not the length of the log. Then, on the same hub,
/// what the long log costs when little happens (<see cref="LongLogCosts"/>).
/// </summary>
internal static class EvaluationScenario
{
    public const double AimMilliseconds = 1_000;
    internal const int AgencyCount = 20;

    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var data = DataFolder.Fresh(folder, "s14");
        // The year ends where today starts in Libya, so "the quarter ending yesterday" and the one before lie inside it.
        var today = EvaluationPeriod.Today(DateTimeOffset.UtcNow);
        var yearEnd = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), EvaluationPeriod.LibyaOffset);
        var year = new Year(yearEnd.AddYears(-1), yearEnd, Entries.IncidentsFor(sizes.EvaluationEntries));
        var filling = Stopwatch.StartNew();
        var stored = await FillAsync(Path.Combine(data, "coordination.db"), year, sizes.EvaluationEntries);
        var fillSeconds = filling.Elapsed.TotalSeconds;

        await using var hub = await HubProcess.StartNewAsync(data);
        using var commander = await hub.ClientForAsync("commander");
        var quarter = $"api/evaluation?period=quarter&ending={today.AddDays(-1):yyyy-MM-dd}";
        var figures = await commander.GetFromJsonAsync<JsonElement>(quarter, ContractJson.Options);
        var alerts = figures.GetProperty("total").GetProperty("current").GetProperty("alerts").GetInt32();
        var results = new List<Result>
        {
            new("S14.fill", $"the log filled to {stored:N0} entries ({year.Incidents:N0} incidents over a year) through the real log, before the hub starts", stored / fillSeconds, "entries/s"),
        };
        await RegisterScenario.MeasureAsync(commander, "api/reference/hazards", 5);
        var trivial = await RegisterScenario.MeasureAsync(commander, "api/reference/hazards", sizes.EvaluationReads);
        results.Add(new("S14.hazards.p99", "a trivial read (the hazard list): p99", trivial.Percentile(99), "ms"));
        await RegisterScenario.MeasureAsync(commander, quarter, 2);
        var read = await RegisterScenario.MeasureAsync(commander, quarter, sizes.EvaluationReads);
        var what = $"{stored:N0} entries, {alerts:N0} alerts in the quarter";
        results.Add(new("S14.quarter.p50", $"{what}: GET /api/evaluation for the quarter (and the one before), p50", read.Percentile(50), "ms"));
        results.Add(new("S14.quarter.p99", $"{what}: the same, p99, against the trivial read", read.Percentile(99), "ms", "S14.hazards.p99"));
        results.Add(new("S14.aim", "S14 aim", AimMilliseconds, "ms"));
        results.Add(new("S14.quarter.p99/aim", $"{what}: the same, p99, against the aim (under 1 s)", read.Percentile(99), "ms", "S14.aim"));
        results.AddRange(await LongLogCosts.MeasureAsync(hub, folder, sizes, stored, trivial));
        return results;
    }

    /// <summary>Writes incidents until the log holds <paramref name="entries"/>; returns its head.</summary>
    private static async Task<long> FillAsync(string path, Year year, int entries)
    {
        DapperSetup.EnsureConfigured();
        var dialect = new SqliteDialect(path);
        await new MigrationRunner(dialect, TimeProvider.System).MigrateAsync(CancellationToken.None);
        long head;
        using (var log = new EventLogStore(dialect, new ReadModelProjector(), new AppendSignal(), new FillClock(year)))
        {
            // 100 appends in flight, as S3's pipelined writer: they share group commits. One loop queues them, so the
            // writer takes them in the order the fill clock counts.
            using var window = new SemaphoreSlim(100);
            var inFlight = new List<Task>();
            for (var k = 0; k < year.Incidents; k++)
            {
                await window.WaitAsync();
                var (incidentId, events) = Entries.Incident(year, k);
                inFlight.Add(log.AppendAsync(incidentId, ExpectedVersion.NoStream, events, CancellationToken.None)
                    .ContinueWith(t => { window.Release(); return t; }, TaskScheduler.Default).Unwrap());
            }

            await Task.WhenAll(inFlight);
            head = await log.HeadPositionAsync(CancellationToken.None);
        }

        // What is stored was never "published": the hub starts with its relay and routing past it, as a hub that
        // wrote the year itself would, rather than pushing and routing a year of entries again first.
        var checkpoints = new CheckpointStore(dialect);
        await checkpoints.SaveAsync(LogRelay.CheckpointName, head, CancellationToken.None);
        await checkpoints.SaveAsync(RoutingProgress.CheckpointName, head, CancellationToken.None);
        return head < entries ? throw new InvalidOperationException($"The fill stopped at {head:N0} of {entries:N0} entries.") : head;
    }

    /// <summary>The year the log covers, its incidents evenly spread over it.</summary>
    private sealed record Year(DateTimeOffset Start, DateTimeOffset End, int Incidents)
    {
        public DateTimeOffset ReportedAt(int k) => Start + ((End - Start) * ((k + 0.5) / Incidents));
    }

    /// <summary>
    /// The log's clock while filling: the writer reads it once per append, in the order they were queued, so the k-th
    /// reading is incident k's append, recorded when its last entry happened. (The time to first update is read from
    /// the log's time, so it must fall where the incident does.)
    /// </summary>
    private sealed class FillClock(Year year) : TimeProvider
    {
        private int _readings = -1;

        public override DateTimeOffset GetUtcNow()
        {
            var k = Math.Min(Interlocked.Increment(ref _readings), year.Incidents - 1);
            return Entries.RecordedAt(year, k);
        }
    }

    /// <summary>One incident's entries, as the hub would have logged them over its life.</summary>
    private static class Entries
    {
        /// <summary>How many incidents make <paramref name="entries"/>: a report, three alerts, their acknowledgements, an update and the closing each.</summary>
        public static int IncidentsFor(int entries)
        {
            var (incidents, total) = (0, 0L);
            for (; total < entries; incidents++)
            {
                total += 6 + Enumerable.Range(0, 3).Count(j => Acknowledges(incidents, j));
            }

            return Math.Max(1, incidents);
        }

        /// <summary>One alert in twenty is never acknowledged.</summary>
        private static bool Acknowledges(int k, int j) => (k + j) % 20 != 0;

        private static readonly HazardType[] Hazards = [HazardType.Flood, HazardType.Storm, HazardType.Sandstorm, HazardType.Wildfire, HazardType.IndustrialAccident];

        public static DateTimeOffset RecordedAt(Year year, int k) => year.ReportedAt(k) + TimeSpan.FromMinutes(10 + (k % 50));

        public static (Guid IncidentId, NewEvent[] Events) Incident(Year year, int k)
        {
            var incidentId = IdOf(k);
            var at = year.ReportedAt(k);
            var hazard = Hazards[k % Hazards.Length];
            var district = Districts.All[k % Districts.All.Count].Code;
            var title = $"بلاغ {k}";
            var agencies = Enumerable.Range(0, 3).Select(j => $"bench-{((k + j) % AgencyCount) + 1:00}").ToArray();
            var events = new List<NewEvent>
            {
                Event(EventTypes.IncidentReported, new IncidentReported(
                    incidentId, hazard, Coordination.Agencies.Contracts.Reference.Hazards.Get(hazard).Category, Severity.Severe, Urgency.Immediate, Certainty.Observed,
                    title, null, new IncidentLocation(district, null, null, null), at, Classification.Public, [], false, "duty.operator", at), "duty.operator", "moi-duty"),
            };
            var alertedAt = at.AddSeconds(5);
            var acknowledgeBy = alertedAt.AddMinutes(30);
            events.AddRange(agencies.Select(a => Event(EventTypes.AgencyAlerted,
                new AgencyAlerted(incidentId, a, hazard, Severity.Severe, district, title, "bench", alertedAt, acknowledgeBy, false), "dispatcher", "moi-duty")));
            for (var j = 0; j < agencies.Length; j++)
            {
                // Most in time (within 30 minutes), the rest late.
                var minutes = ((k * 7) + (j * 13)) % 40;
                if (Acknowledges(k, j))
                {
                    events.Add(Event(EventTypes.AlertAcknowledged,
                        new AlertAcknowledged(incidentId, agencies[j], BenchAgencies.LiaisonOf(agencies[j]), alertedAt.AddMinutes(minutes).AddSeconds(k % 60), null),
                        BenchAgencies.LiaisonOf(agencies[j]), agencies[j]));
                }
            }

            var updatedAt = RecordedAt(year, k);
            events.Add(Event(EventTypes.IncidentUpdated,
                new IncidentUpdated(incidentId, "الفرق في الموقع.", null, BenchAgencies.LiaisonOf(agencies[0]), agencies[0], updatedAt), BenchAgencies.LiaisonOf(agencies[0]), agencies[0]));
            events.Add(Event(EventTypes.IncidentStatusChanged,
                new IncidentStatusChanged(incidentId, IncidentStatus.Acknowledged, IncidentStatus.Closed, "bench", "duty.operator", updatedAt), "duty.operator", "moi-duty"));
            return (incidentId, [.. events]);
        }

        private static Guid IdOf(int k) => Dispatch.Routing.DerivedEventId.Create(Guid.Parse("5e1f0000-0000-7000-8000-000000000014"), k.ToString(CultureInfo.InvariantCulture));

        private static NewEvent Event<T>(string type, T data, string actor, string agency) => new(
            Guid.CreateVersion7(), type, JsonSerializer.Serialize(data, ContractJson.Options), new EntryMetadata(actor, agency, Guid.CreateVersion7(), null, false));
    }
}
