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
}
