using System.Net;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>The inbox is read newest first and bounded, so a liaison with a long history gets the recent alerts fast.</summary>
[TestFixture]
public sealed class InboxTests
{
    [Test]
    public async Task The_inbox_returns_the_newest_alerts_up_to_the_limit_and_refuses_a_bad_limit()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        foreach (var title in new[] { "السيل الأول", "السيل الثاني", "السيل الثالث" })
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title));
        }

        await ncem.WaitForAlertsAsync(3);
        var newest = await ncem.GetOkAsync("api/alerts?limit=2");
        using var zero = await ncem.GetAsync(new Uri("api/alerts?limit=0", UriKind.Relative));
        using var huge = await ncem.GetAsync(new Uri("api/alerts?limit=5000", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(newest.EnumerateArray().Select(a => a.GetProperty("title").GetString()), Is.EqualTo(new[] { "السيل الثالث", "السيل الثاني" }));
            Assert.That(zero.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(huge.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }
}
