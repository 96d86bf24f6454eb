using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Alerts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Telemetry;

/// <summary>
/// What an operator's Prometheus reads at <c>GET /metrics</c> after a scripted day: each figure with the value the
/// flow made (alerts waiting 5, then 4 after one acknowledgement; the relay's lag back to 0; appends equal to the
/// log's head; escalations by level), only with the metrics token, and never a user name or incident text.
/// </summary>
[TestFixture]
public sealed class MetricsTests
{
    private const string Token = "metrics-token-for-tests-0123456789abcdef";

    [Test]
    public async Task A_scripted_flow_shows_in_each_metric_with_its_value()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartAsync(data.Path, new Dictionary<string, string?> { ["Coordination:Telemetry:MetricsToken"] = Token }, clock);
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var commander = await hub.ClientForAsync("commander");

        // Catch-up is counted before any client connects, whose own catch-ups would be counted too.
        Assert.That(Value(await ScrapeAsync(hub), "coordination_catchup_requests_total"), Is.Null);
        await commander.GetOkAsync("api/log?after=0");
        Assert.That(Value(await ScrapeAsync(hub), "coordination_catchup_requests_total"), Is.EqualTo(1));

        await using var liaison = await hub.ConnectAsync("liaison.ncem");
        var incidents = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            incidents.Add((await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood($"فيضان رقم {i} في درنة"))).GetProperty("incidentId").GetString()!);
        }

        await ncem.WaitForAlertsAsync(5);
        var metrics = await ScrapeUntilAsync(hub, m => Value(m, "coordination_relay_lag") == 0 && Value(m, "coordination_pushes_total", "audience=\"agency\"") > 0);
        Assert.Multiple(() =>
        {
            Assert.That(Value(metrics, "coordination_alerts_waiting", "agency=\"ncem\""), Is.EqualTo(5));
            Assert.That(Value(metrics, "coordination_alerts_waiting", "agency=\"security-tripoli\""), Is.Zero, "an agency with nothing waiting is a 0, not a missing line");
            Assert.That(Value(metrics, "coordination_clients_connected", "agency=\"ncem\""), Is.EqualTo(1));
            Assert.That(Value(metrics, "coordination_pushes_total", "audience=\"everything\""), Is.GreaterThan(0));
            Assert.That(Value(metrics, "coordination_log_append_duration_seconds_count"), Is.GreaterThanOrEqualTo(5));
            Assert.That(Value(metrics, "coordination_relay_publish_duration_seconds_count"), Is.GreaterThan(0));
            Assert.That(metrics, Does.Contain("# TYPE coordination_log_appended_total counter"));
            Assert.That(metrics, Does.Contain("# TYPE coordination_relay_lag gauge"));
        });

        await ncem.PostOkAsync($"api/incidents/{incidents[0]}/acknowledge", new { });
        Assert.That(Value(await ScrapeAsync(hub), "coordination_alerts_waiting", "agency=\"ncem\""), Is.EqualTo(4));

        // Refusals by reason and surface: a liaison may not report (403), a report without its fields (400), a hub call on an incident not theirs (404).
        using (var refused = await ncem.PostAsJsonAsync("api/incidents", ApiCalls.DernaFlood(), HubHost.Json))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        using (var invalid = await duty.PostAsJsonAsync("api/incidents", new { hazard = "Flood" }, HubHost.Json))
        {
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        var missing = Assert.ThrowsAsync<HubException>(() => liaison.Connection.InvokeAsync<CommandResponse>("AcknowledgeAlert", Guid.NewGuid(), new AcknowledgeAlertRequest(Guid.NewGuid(), null, null)));
        Assert.That(CoordinationException.FromHub(missing!)?.Status, Is.EqualTo(HttpStatusCode.NotFound));

        // Past the Extreme alerts' deadline (2 minutes), every alert not acknowledged escalates to level 1.
        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        await hub.ScanEscalationsAsync(); // the scanner's own timer may have run first: either way each step is appended once
        var unacknowledged = Regex.Matches(await ScrapeAsync(hub), "^coordination_alerts_waiting\\{[^}]*\\} (\\d+)$", RegexOptions.Multiline).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.That(unacknowledged, Is.EqualTo(29), "five floods, six agencies each, one acknowledged");

        var head = (await commander.GetOkAsync("api/log?after=0&limit=1")).GetProperty("headPosition").GetInt64();
        metrics = await ScrapeUntilAsync(hub, m => Value(m, "coordination_relay_lag") == 0 && Value(m, "coordination_log_appended_total") == head);
        Assert.Multiple(() =>
        {
            Assert.That(Value(metrics, "coordination_refusals_total", "reason=\"forbidden\",surface=\"rest\""), Is.EqualTo(1));
            Assert.That(Value(metrics, "coordination_refusals_total", "reason=\"invalid\",surface=\"rest\""), Is.EqualTo(1));
            Assert.That(Value(metrics, "coordination_refusals_total", "reason=\"not_found\",surface=\"hub\""), Is.EqualTo(1));
            Assert.That(Value(metrics, "coordination_escalations_total", "kind=\"alert\",level=\"1\""), Is.EqualTo(unacknowledged));
            Assert.That(Value(metrics, "coordination_relay_published_position"), Is.EqualTo(head));
            Assert.That(Value(metrics, "coordination_log_appended_total"), Is.EqualTo(head), "one hub on a new log: it appended every entry");
            // MassTransit's own meter is not asserted here: MassTransit makes it once per process, with the first host's
            // meter factory, so in a test process of many hubs it may be gone with an earlier one.
            Assert.That(metrics, Does.Not.Contain("liaison.").And.Not.Contain("duty.operator").And.Not.Contain("درنة"), "no user name, no incident text");
        });
    }

    [Test]
    public async Task The_path_answers_only_to_the_metrics_token_and_not_at_all_without_one()
    {
        await using (var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Telemetry:MetricsToken"] = Token }))
        {
            using var anonymous = await hub.Http.GetAsync(new Uri("metrics", UriKind.Relative));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(anonymous.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));

            // An administrator's sign-in token is not the metrics token: Prometheus is no user.
            using var admin = await hub.ClientForAsync("admin");
            using var asAdmin = await admin.GetAsync(new Uri("metrics", UriKind.Relative));
            Assert.That(asAdmin.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

            using var wrong = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token + "x") } };
            using var wrongAnswer = await hub.Http.SendAsync(wrong);
            Assert.That(wrongAnswer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

            Assert.That(await ScrapeAsync(hub), Does.Contain("# TYPE coordination_alerts_waiting gauge"));
        }

        await using (var hub = await HubHost.StartFreshAsync())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
            using var answer = await hub.Http.SendAsync(request);
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no token configured: no metrics path");
        }
    }

    [TestCase("Coordination:Telemetry:MetricsToken", "too-short")]
    [TestCase("Coordination:Telemetry:OtlpEndpoint", "collector:4318")]
    public void A_metrics_setting_that_cannot_work_stops_the_hub_at_start_naming_it(string setting, string value)
    {
        using var data = new TempDirectory();
        var error = Assert.CatchAsync(async () => await HubHost.StartAsync(data.Path, new Dictionary<string, string?> { [setting] = value }));
        Assert.That(error!.ToString(), Does.Contain(setting));
    }

    private static async Task<string> ScrapeAsync(HubHost hub)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
        using var answer = await hub.Http.SendAsync(request);
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Content.Headers.ContentType?.ToString(), Does.StartWith("text/plain; version=0.0.4"));
        return await answer.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until <paramref name="settled"/> holds (the relay and the pushes run beside the requests), or fails naming the last scrape.</summary>
    private static async Task<string> ScrapeUntilAsync(HubHost hub, Func<string, bool> settled)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var metrics = await ScrapeAsync(hub);
        while (!settled(metrics))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), metrics);
            await Task.Delay(50);
            metrics = await ScrapeAsync(hub);
        }

        return metrics;
    }

    /// <summary>The sample's value, by its name and its labels as written (sorted by name); null when there is no such line.</summary>
    private static double? Value(string metrics, string name, string labels = "")
    {
        var key = labels.Length == 0 ? name + " " : $"{name}{{{labels}}} ";
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[key.Length..], CultureInfo.InvariantCulture);
    }
}
