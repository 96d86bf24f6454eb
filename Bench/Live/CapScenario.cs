using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Features.Standards;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Testing;

namespace Coordination.Bench.Live;

/// <summary>
/// S10 CAP out and in, each against the log's append rate measured in the same run (one writer, S3's way):
/// the export builds an incident's CAP messages from its entries and writes them as text; the import takes CAP
/// alerts in one after another through <c>POST /api/cap</c> on a hub process, each one read, checked against the
/// OASIS schema and logged as an incident with its alerts, beside plain reports through <c>POST /api/incidents</c>
/// on the same hub.
/// </summary>
internal static class CapScenario
{
    public static async Task<IReadOnlyList<Result>> RunAsync(string folder, Sizes sizes)
    {
        var results = new List<Result>();

        // The log's own rate, here and now: one writer, one report per append.
        var path = Path.Combine(folder, "s10.db");
        SqliteBaseline.Delete(path);
        DapperSetup.EnsureConfigured();
        var dialect = new SqliteDialect(path);
        await new MigrationRunner(dialect, TimeProvider.System).MigrateAsync(CancellationToken.None);
        using var log = new EventLogStore(dialect, new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
        var appending = Stopwatch.StartNew();
        for (var i = 0; i < sizes.Appends; i++)
        {
            var (id, report) = SampleRow.NewReport();
            await log.AppendAsync(id, ExpectedVersion.NoStream, [report], CancellationToken.None);
        }

        var appendRate = sizes.Appends / appending.Elapsed.TotalSeconds;
        results.Add(new("S10.append", "log appends, one writer, in this run (S3.single's way)", appendRate, "appends/s"));

        // Export: an incident of a report and nine updates, its ten CAP messages built and written, again and again.
        var (incidentId, first) = SampleRow.NewReport();
        await log.AppendAsync(incidentId, ExpectedVersion.NoStream, [first], CancellationToken.None);
        for (var v = 1; v < 10; v++)
        {
            await log.AppendAsync(incidentId, ExpectedVersion.Any, [Update(incidentId, v)], CancellationToken.None);
        }

        var entries = await log.ReadIncidentAsync(incidentId, CancellationToken.None);
        var sender = new CapAlerts.Sender("coordination-hub@moi.gov.ly", "وزارة الداخلية", "Ministry of Interior", "Duty office");
        var messages = 0;
        var bytes = 0L;
        var exporting = Stopwatch.StartNew();
        while (messages < sizes.Appends * 10)
        {
            foreach (var message in CapAlerts.For(entries, sender))
            {
                bytes += message.ToString().Length;
                messages++;
            }
        }

        var exportRate = messages / exporting.Elapsed.TotalSeconds;
        results.Add(new("S10.export", $"CAP messages built and written (an incident of {entries.Count}, ~{bytes / messages:N0} characters each)", exportRate, "messages/s",
            "S10.append", exportRate / appendRate));

        // Import through a hub: plain reports first, then CAP alerts, one at a time, one client.
        var data = DataFolder.Fresh(folder, "s10");
        await using var hub = await HubProcess.StartNewAsync(data, new Dictionary<string, string?> { ["Coordination__Security__ReportsPerMinute"] = "1000000" });
        using var duty = await hub.ClientForAsync("duty.operator");
        var count = Math.Max(20, sizes.Appends / 4);
        await ReportsAsync(duty, 10);
        var reporting = Stopwatch.StartNew();
        await ReportsAsync(duty, count);
        var reportRate = count / reporting.Elapsed.TotalSeconds;
        results.Add(new("S10.report", "reports through POST /api/incidents, one client, one at a time", reportRate, "reports/s"));
        await ImportsAsync(duty, 10);
        var importing = Stopwatch.StartNew();
        await ImportsAsync(duty, count);
        var importRate = count / importing.Elapsed.TotalSeconds;
        results.Add(new("S10.import", "CAP alerts taken in through POST /api/cap, one client, one at a time (each an incident with its alerts)", importRate, "messages/s",
            "S10.append", importRate / appendRate, $"{importRate / reportRate:0.00}x of S10.report"));
        return results;
    }

    private static NewEvent Update(Guid incidentId, int version) => new(
        Guid.CreateVersion7(),
        EventTypes.IncidentUpdated,
        System.Text.Json.JsonSerializer.Serialize(new Agencies.Contracts.Incidents.IncidentUpdated(incidentId, $"تحديث رقم {version}: ارتفاع منسوب المياه في وادي درنة", null, "duty.operator", "moi-duty", DateTimeOffset.UtcNow),
            Agencies.Contracts.ContractJson.Options),
        new EntryMetadata("duty.operator", "moi-duty", Guid.CreateVersion7(), null, false));

    private static async Task ReportsAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsJsonAsync("api/incidents", new
            {
                hazard = "Flood", severity = "Moderate", urgency = "Immediate", certainty = "Observed", title = "فيضان في درنة", district = "derna",
            });
            Ensure(response);
        }
    }

    private static async Task ImportsAsync(HttpClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var content = new StringContent(Alert(), Encoding.UTF8, "application/cap+xml");
            using var response = await client.PostAsync(new Uri("api/cap", UriKind.Relative), content);
            Ensure(response);
        }
    }

    private static void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }

    /// <summary>A meteorological warning as partners send one: Arabic and English, a district geocode and a polygon.</summary>
    private static string Alert()
    {
        var sent = DateTimeOffset.UtcNow.AddSeconds(-5).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>2.49.0.1.434.0.{Guid.NewGuid():N}</identifier>
              <sender>urn:oid:2.49.0.0.434.0</sender>
              <sent>{sent}</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <language>ar-LY</language>
                <category>Met</category>
                <event>سيول</event>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <headline>تحذير من سيول في درنة</headline>
                <description>أمطار غزيرة تصل إلى 80 ملم خلال 12 ساعة.</description>
                <area>
                  <areaDesc>درنة</areaDesc>
                  <polygon>32.6,22.4 32.9,22.4 32.9,22.8 32.6,22.8 32.6,22.4</polygon>
                  <geocode><valueName>LY-district</valueName><value>derna</value></geocode>
                </area>
              </info>
              <info>
                <language>en-GB</language>
                <category>Met</category>
                <event>Flash flood</event>
                <urgency>Expected</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <headline>Flash flood warning for Derna</headline>
              </info>
            </alert>
            """;
    }
}
