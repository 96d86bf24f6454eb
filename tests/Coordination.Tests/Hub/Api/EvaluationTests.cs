using System.Net;
using System.Text.Json;
using Coordination.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Api;

/// <summary>The evaluation figures of a period, exact for a scripted set of alerts on the hub's clock, and the late ones behind them.</summary>
[TestFixture]
public sealed class EvaluationTests
{
    [Test]
    public async Task Figures_are_exact_for_scripted_alerts_and_the_late_ones_are_listed_behind_them()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartAsync(data.Path, null, clock);
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var commander = await hub.ClientForAsync("commander");
        var incident = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetString();
        await ncem.WaitForAlertsAsync();
        await civilDefence.WaitForAlertsAsync();

        clock.Advance(TimeSpan.FromSeconds(90)); // an Extreme alert is due within 2 minutes
        await ncem.PostOkAsync($"api/incidents/{incident}/acknowledge", new { });
        clock.Advance(TimeSpan.FromSeconds(60));
        await civilDefence.PostOkAsync($"api/incidents/{incident}/acknowledge", new { });
        clock.Advance(TimeSpan.FromSeconds(30));
        await ncem.PostOkAsync($"api/incidents/{incident}/updates", new { text = "Teams on the way" });

        var report = await commander.GetOkAsync("api/evaluation?period=week");
        var byAgency = report.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!);
        var ncemNow = byAgency["ncem"].GetProperty("current");
        var civil = byAgency["civil-defence"].GetProperty("current");
        var ambulance = byAgency["ambulance"].GetProperty("current");
        Assert.Multiple(() =>
        {
            Assert.That(ncemNow.GetProperty("acknowledgedInTime").GetInt32(), Is.EqualTo(1));
            Assert.That(ncemNow.GetProperty("medianSecondsToAcknowledge").GetDouble(), Is.EqualTo(90).Within(1));
            Assert.That(ncemNow.GetProperty("medianSecondsToFirstUpdate").GetDouble(), Is.EqualTo(180).Within(1));
            Assert.That(civil.GetProperty("acknowledgedLate").GetInt32(), Is.EqualTo(1));
            Assert.That(civil.GetProperty("p90SecondsToAcknowledge").GetDouble(), Is.EqualTo(150).Within(1));
            Assert.That(ambulance.GetProperty("missed").GetInt32(), Is.EqualTo(1), "alerted, never acknowledged, past the deadline");
            Assert.That(byAgency["ncem"].GetProperty("previous").GetProperty("alerts").GetInt32(), Is.Zero);
            Assert.That(byAgency["ncem"].GetProperty("trend").GetString(), Is.EqualTo("NoComparison"));
            Assert.That(report.GetProperty("districts").EnumerateArray().Single().GetProperty("nameEn").GetString(), Is.EqualTo("Derna"));
        });

        var late = await commander.GetOkAsync("api/evaluation/entries?period=week&figure=late");
        var entry = late.GetProperty("entries").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("agency").GetString(), Is.EqualTo("civil-defence"));
            Assert.That(entry.GetProperty("reference").GetString(), Does.StartWith("INC-"));
            Assert.That(entry.GetProperty("lateBySeconds").GetDouble(), Is.EqualTo(30).Within(1));
            Assert.That(entry.GetProperty("positions").GetProperty("done").GetInt64(), Is.GreaterThan(entry.GetProperty("positions").GetProperty("raised").GetInt64()));
        });

        var own = await ncem.GetOkAsync("api/evaluation?period=week");
        Assert.That(own.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("key").GetString()), Is.EqualTo(new[] { "ncem" }), "a liaison sees their own agency's line");
        using var other = await ncem.GetAsync(new Uri("api/evaluation/entries?figure=late&agency=civil-defence", UriKind.Relative));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_report_sets_each_line_beside_the_previous_period_with_the_change_and_lists_the_previous_period_s_late_ones()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartAsync(data.Path, null, clock);
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");

        // Last week: NCEM acknowledges an Extreme alert (due within 2 minutes) after 5 minutes, late.
        var before = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetString();
        await ncem.WaitForAlertsAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        await ncem.PostOkAsync($"api/incidents/{before}/acknowledge", new { });

        // This week: two alerts, both acknowledged in time, after 30 and 90 seconds (signed in again: a week outlives the sessions).
        clock.Advance(TimeSpan.FromDays(7));
        using var dutyNow = await hub.ClientForAsync("duty.operator");
        using var ncemNow = await hub.ClientForAsync("liaison.ncem");
        using var commanderNow = await hub.ClientForAsync("commander");
        var first = (await dutyNow.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetString();
        var second = (await dutyNow.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetString();
        await ncemNow.WaitForAlertsAsync(3);
        clock.Advance(TimeSpan.FromSeconds(30));
        await ncemNow.PostOkAsync($"api/incidents/{first}/acknowledge", new { });
        clock.Advance(TimeSpan.FromSeconds(60));
        await ncemNow.PostOkAsync($"api/incidents/{second}/acknowledge", new { });

        var report = await commanderNow.GetOkAsync("api/evaluation?period=week");
        var line = report.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "ncem");
        var change = line.GetProperty("change");
        var spans = report.GetProperty("acknowledgementTimes").EnumerateArray().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("current").GetProperty("alerts").GetInt32(), Is.EqualTo(2));
            Assert.That(line.GetProperty("current").GetProperty("inTimePercent").GetDouble(), Is.EqualTo(100));
            Assert.That(line.GetProperty("previous").GetProperty("alerts").GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty("previous").GetProperty("acknowledgedLate").GetInt32(), Is.EqualTo(1));
            Assert.That(line.GetProperty("previous").GetProperty("inTimePercent").GetDouble(), Is.Zero);
            Assert.That(line.GetProperty("trend").GetString(), Is.EqualTo("Better"));
            Assert.That(change.GetProperty("alerts").GetInt32(), Is.EqualTo(1));
            Assert.That(change.GetProperty("inTimePercentPoints").GetDouble(), Is.EqualTo(100));
            Assert.That(change.GetProperty("acknowledgedLate").GetInt32(), Is.EqualTo(-1));
            // Median now 30 s (nearest rank of 30 and 90), before 300 s.
            Assert.That(change.GetProperty("medianSecondsToAcknowledge").GetDouble(), Is.EqualTo(-270).Within(1));
            Assert.That(report.GetProperty("previousPeriod").GetProperty("last").GetString(),
                Is.EqualTo(DateOnly.Parse(report.GetProperty("period").GetProperty("first").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(spans.Select(s => s.GetProperty("count").GetInt32()).Sum(), Is.EqualTo(report.GetProperty("total").GetProperty("current").GetProperty("acknowledgedInTime").GetInt32()
                + report.GetProperty("total").GetProperty("current").GetProperty("acknowledgedLate").GetInt32()), "every acknowledged alert is in one span");
            Assert.That(spans[0].GetProperty("toSeconds").GetInt32(), Is.EqualTo(60));
            Assert.That(spans[0].GetProperty("count").GetInt32(), Is.GreaterThanOrEqualTo(1), "NCEM's 30 seconds");
            Assert.That(spans[^1].GetProperty("toSeconds").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        var lateBefore = await commanderNow.GetOkAsync("api/evaluation/entries?period=week&figure=late&agency=ncem&previous=true");
        Assert.That(lateBefore.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("incidentId").GetString()), Is.EqualTo(new[] { before }),
            "the previous period's late one is behind its figure");
    }

    [Test]
    public async Task Exercise_alerts_never_count_in_the_real_operations_figures_nor_in_the_list_behind_them()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Severe", title = "سيول حقيقية", district = "benghazi" });
        var real = await commander.GetOkAsync("api/evaluation?period=week");
        var realAlerts = real.GetProperty("total").GetProperty("current").GetProperty("alerts").GetInt32();
        Assert.That(realAlerts, Is.GreaterThan(0));

        // A drill in another district, to agencies the real report also alerted, and a later real report that must count.
        await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Severe", title = "تمرين سيول", district = "benghazi", isExercise = true });
        await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Severe", title = "سيول حقيقية ثانية", district = "benghazi" });
        var after = await commander.GetOkAsync("api/evaluation?period=week");
        var waiting = await commander.GetOkAsync("api/evaluation/entries?period=week&figure=waiting");
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("total").GetProperty("current").GetProperty("alerts").GetInt32(), Is.EqualTo(realAlerts * 2), "the second real report counts, the drill does not");
            Assert.That(waiting.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("reference").GetString()).Distinct().Count(), Is.EqualTo(2), "only the two real incidents are behind the figures");
        });
    }

    [Test]
    public async Task Bad_periods_are_refused_naming_the_field()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var commander = await hub.ClientForAsync("commander");
        using var period = await commander.GetAsync(new Uri("api/evaluation?period=year", UriKind.Relative));
        using var onlyFrom = await commander.GetAsync(new Uri("api/evaluation?from=2026-01-01", UriKind.Relative));
        using var both = await commander.GetAsync(new Uri("api/evaluation?period=week&from=2026-01-01&to=2026-01-31", UriKind.Relative));
        using var figure = await commander.GetAsync(new Uri("api/evaluation/entries?figure=slow", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(period.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(JsonDocument.Parse(await period.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("period")[0].GetString(),
                Is.EqualTo("'period' must be week, month or quarter."));
            Assert.That(onlyFrom.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(both.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(figure.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }
}
