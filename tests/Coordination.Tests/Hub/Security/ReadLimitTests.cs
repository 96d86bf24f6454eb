using System.Net;
using System.Text.Json;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Security;

/// <summary>Reads are limited per user like reports: over the limit, 429 with Retry-After, and nothing read, written or counted.</summary>
[TestFixture]
public sealed class ReadLimitTests
{
    private const int Limit = 4;

    [Test]
    public async Task A_read_over_the_per_user_limit_is_refused_with_429_and_Retry_After_and_is_neither_written_nor_counted()
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Coordination:Security:ReadsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using (var hub = await HubHost.StartAsync(data.Path, settings))
        {
            using var operatorApi = await hub.ClientForAsync("duty.operator");
            using var commander = await hub.ClientForAsync("commander");
            using var ncem = await hub.ClientForAsync("liaison.ncem");
            // Logged with its alert, so NCEM's board shows it at once.
            await operatorApi.PostOkAsync("api/incidents", new
            {
                hazard = "SecurityIncident", severity = "Severe", title = "تهديد لمنشأة نفطية", district = "wahat",
                classification = "Restricted", clearedAgencies = new[] { "ncem" },
            });
            for (var i = 0; i < Limit; i++)
            {
                await ncem.GetOkAsync("api/incidents");
            }

            var head = await HeadAsync(commander);
            using var refused = await ncem.GetAsync(new Uri("api/incidents", UriKind.Relative));
            using var arabicRequest = new HttpRequestMessage(HttpMethod.Get, "api/alerts");
            arabicRequest.Headers.AcceptLanguage.ParseAdd("ar");
            using var refusedInArabic = await ncem.SendAsync(arabicRequest);
            var headAfter = await HeadAsync(commander);
            using var othersRead = await commander.GetAsync(new Uri("api/incidents", UriKind.Relative));

            Assert.Multiple(async () =>
            {
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
                Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(1)));
                Assert.That(await DetailAsync(refused), Does.StartWith("Too many reads from this account in one minute."));
                Assert.That(refusedInArabic.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
                Assert.That(await DetailAsync(refusedInArabic), Does.StartWith("طلبات قراءة كثيرة من هذا الحساب خلال دقيقة."));
                Assert.That(headAfter, Is.EqualTo(head), "the refused reads wrote nothing");
                Assert.That(othersRead.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the limit is each reader's own");
            });
        }

        // Stopping writes the open window's count: the reads served, not the refused ones.
        await using var again = await HubHost.StartAsync(data.Path);
        using var auditor = await again.ClientForAsync("commander");
        var boardReads = (await auditor.ReadLogAsync())
            .Where(e => e.Type == EventTypes.RestrictedIncidentsAccessed)
            .Select(e => e.DataAs<RestrictedIncidentsAccessed>())
            .Where(a => a is { UserName: "liaison.ncem", Access: "list" })
            .Sum(a => a.Reads);
        Assert.That(boardReads, Is.EqualTo(Limit));
    }

    private static async Task<long> HeadAsync(HttpClient commander) =>
        (await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
}
