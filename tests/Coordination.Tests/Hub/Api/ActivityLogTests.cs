using System.Net;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>An incident's ICS-214 activity log from the hash-chained log: CSV and a printable page, Arabic right to left.</summary>
[TestFixture]
public sealed class ActivityLogTests
{
    [Test]
    public async Task The_activity_log_lists_every_entry_in_Libya_s_time_per_agency_on_request_and_prints_right_to_left_in_Arabic()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var coastGuard = await hub.ClientForAsync("liaison.coast-guard");
        var id = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان <script>alert(1)</script>"))).GetProperty("incidentId").GetGuid();
        await ncem.WaitForAlertsAsync();
        await ncem.PostOkAsync($"api/incidents/{id}/acknowledge", new { note = "فريقان في الطريق" });
        var timeline = (await duty.GetOkAsync($"api/incidents/{id}")).GetProperty("timeline").GetArrayLength();

        var csv = await duty.GetStringAsync(new Uri($"api/incidents/{id}/activity-log", UriKind.Relative));
        var ncemOnly = await duty.GetStringAsync(new Uri($"api/incidents/{id}/activity-log?agency=ncem", UriKind.Relative));
        using var arabicRequest = new HttpRequestMessage(HttpMethod.Get, $"api/incidents/{id}/activity-log?format=html");
        arabicRequest.Headers.AcceptLanguage.ParseAdd("ar");
        using var arabic = await duty.SendAsync(arabicRequest);
        var page = await arabic.Content.ReadAsStringAsync();
        using var hidden = await coastGuard.GetAsync(new Uri($"api/incidents/{id}/activity-log", UriKind.Relative));
        using var badFormat = await duty.GetAsync(new Uri($"api/incidents/{id}/activity-log?format=pdf", UriKind.Relative));

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).SkipWhile(l => !l.StartsWith("Date and time", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(csv, Does.StartWith("ICS 214,Activity log"));
            Assert.That(rows, Has.Count.EqualTo(timeline), "every entry of the incident's timeline");
            Assert.That(rows, Is.All.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+02:00,"), "Libya's time");
            Assert.That(csv, Does.Contain("Alert acknowledged"));
            Assert.That(csv, Does.Contain("Plan activated: flood-derna").And.Contain("Task assigned: civil-defence: flood-derna/cd-swift-water-rescue"), "the Derna flood plan's activation and tasks");
            Assert.That(ncemOnly.Split("\r\n").Count(l => l.Contains("liaison.ncem", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(ncemOnly, Does.Not.Contain("duty.operator,"), "only NCEM's own activities");
            Assert.That(arabic.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(page, Does.Contain("dir=\"rtl\"").And.Contain("سجل الأنشطة").And.Contain("تأكيد استلام التنبيه").And.Contain("إسناد مهمة"));
            Assert.That(page, Does.Not.Contain("<script>"), "text from a report is never markup");
            Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(badFormat.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task An_agency_s_activity_log_for_a_period_holds_its_alerts_and_its_own_people_s_actions_across_incidents()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var commander = await hub.ClientForAsync("commander");
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"));
        var flood = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await duty.PostOkAsync("api/incidents", new { hazard = "ArmedClash", severity = "Severe", title = "اشتباك في طرابلس", district = "tripoli" });
        await ncem.WaitForAlertsAsync();
        await ncem.PostOkAsync($"api/incidents/{flood}/acknowledge", new { note = "في الطريق" });
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));

        var own = await ncem.GetStringAsync(new Uri($"api/activity-log?agency=ncem&from={from}&to={to}", UriKind.Relative));
        var byCommander = await commander.GetStringAsync(new Uri($"api/activity-log?agency=ncem&from={from}&to={to}", UriKind.Relative));
        using var otherAgency = await civilDefence.GetAsync(new Uri($"api/activity-log?agency=ncem&from={from}&to={to}", UriKind.Relative));
        using var tooLong = await commander.GetAsync(new Uri($"api/activity-log?agency=ncem&from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(own, Does.Contain("Agency alerted").And.Contain("Alert acknowledged").And.Contain("liaison.ncem"));
            Assert.That(own, Does.Not.Contain("اشتباك في طرابلس"), "an incident NCEM was not alerted to is not in its log");
            Assert.That(own, Does.Not.Contain("civil-defence,"), "another agency's alert is not NCEM's activity");
            Assert.That(byCommander, Does.Contain("Alert acknowledged"), "the duty office and commanders read any agency's log");
            Assert.That(otherAgency.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task An_agency_name_a_spreadsheet_would_run_as_a_formula_is_written_behind_a_single_quote_in_both_activity_logs()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        const string name = "=HYPERLINK(\"http://evil.example\",\"click\")";
        const string cell = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"";
        await admin.PostOkAsync("api/admin/agencies", new { code = "ncem", nameAr = "المركز الوطني لإدارة الطوارئ", nameEn = name, kind = "Coordination" });
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"));
        var id = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await ncem.WaitForAlertsAsync();
        await ncem.PostOkAsync($"api/incidents/{id}/acknowledge", new { note = "=1+1" });
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));

        var incidentLog = await duty.GetStringAsync(new Uri($"api/incidents/{id}/activity-log?format=csv", UriKind.Relative));
        var agencyLog = await ncem.GetStringAsync(new Uri($"api/activity-log?agency=ncem&from={from}&to={to}&format=csv", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(incidentLog.Split("\r\n").Single(l => l.Contains("liaison.ncem,", StringComparison.Ordinal)), Does.Contain($",liaison.ncem,{cell},"), "the agency's cell");
            Assert.That(agencyLog.Split("\r\n"), Does.Contain($"Unit,{cell}"), "the unit the log is of");
            Assert.That(agencyLog.Split("\r\n").Where(l => l.Contains("liaison.ncem,", StringComparison.Ordinal)), Is.Not.Empty.And.All.Contain($",liaison.ncem,{cell},"));
            foreach (var csv in new[] { incidentLog, agencyLog })
            {
                Assert.That(csv, Does.Not.Contain(",=").And.Not.Contain(",\"=").And.Not.Contain("\n="), "no cell starts a formula");
            }
        });
    }
}
