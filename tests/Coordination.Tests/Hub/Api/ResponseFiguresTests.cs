using System.Net;
using System.Text.Json;
using Coordination.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The response figures a commander evaluates agencies by: time to acknowledge, late and overdue
/// alerts, counted from the log on the hub's clock.
/// </summary>
[TestFixture]
public sealed class ResponseFiguresTests
{
    [Test]
    public async Task Figures_count_each_agency_s_acknowledgements_late_ones_and_overdue_ones()
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

        var figures = await commander.GetOkAsync("api/performance/agencies?days=1");
        var byAgency = figures.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("agency").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(byAgency["ncem"].GetProperty("acknowledged").GetInt32(), Is.EqualTo(1));
            Assert.That(byAgency["ncem"].GetProperty("medianSecondsToAcknowledge").GetDouble(), Is.EqualTo(90).Within(1));
            Assert.That(byAgency["ncem"].GetProperty("acknowledgedLate").GetInt32(), Is.Zero);
            Assert.That(byAgency["civil-defence"].GetProperty("medianSecondsToAcknowledge").GetDouble(), Is.EqualTo(150).Within(1));
            Assert.That(byAgency["civil-defence"].GetProperty("acknowledgedLate").GetInt32(), Is.EqualTo(1));
            Assert.That(byAgency["ambulance"].GetProperty("overdue").GetInt32(), Is.EqualTo(1), "alerted, never acknowledged, past the deadline");
            Assert.That(byAgency["ambulance"].GetProperty("medianSecondsToAcknowledge").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(byAgency["ambulance"].GetProperty("nameAr").GetString(), Is.EqualTo("جهاز الإسعاف والطوارئ"));
            Assert.That(byAgency.Keys, Does.Not.Contain("security-tripoli"), "only agencies that were alerted are listed");
        });

        var exercise = await commander.GetOkAsync("api/performance/agencies?days=1&exercise=true");
        Assert.That(exercise.GetProperty("agencies").GetArrayLength(), Is.Zero, "exercise traffic is counted apart from real alerts");
    }

    [Test]
    public async Task Bad_periods_and_liaisons_are_refused_with_a_message_in_the_caller_s_language()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var commander = await hub.ClientForAsync("commander");
        using var liaison = await hub.ClientForAsync("liaison.ncem");

        using var english = await commander.GetAsync(new Uri("api/performance/agencies?days=0", UriKind.Relative));
        using var arabicRequest = new HttpRequestMessage(HttpMethod.Get, "api/performance/agencies?days=9999");
        arabicRequest.Headers.AcceptLanguage.ParseAdd("ar");
        using var arabic = await commander.SendAsync(arabicRequest);
        using var notText = await commander.GetAsync(new Uri("api/performance/agencies?days=week", UriKind.Relative));
        using var forbidden = await liaison.GetAsync(new Uri("api/performance/agencies", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(english.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await DetailAsync(english), Is.EqualTo("'days' must be between 1 and 366."));
            Assert.That(arabic.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await DetailAsync(arabic), Is.EqualTo("عدد الأيام يجب أن يكون بين 1 و366."));
            Assert.That(notText.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
}
