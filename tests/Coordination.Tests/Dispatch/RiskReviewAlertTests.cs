using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Register;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// A risk whose next review passes is alerted to its lead agency's liaisons, live, reminded and escalated like an alert
/// on a clock the test moves, once per step across a restart and a second hub, until a review records a new date.
/// </summary>
[TestFixture]
public sealed class RiskReviewAlertTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Coordination:Escalation:ScanInterval"] = "00:00:01",
        // Minutes rather than the default days, so the test's tokens outlive the whole chain.
        ["Coordination:Escalation:ReviewStepInterval"] = "00:10:00",
        ["Coordination:Escalation:ReminderAfter"] = "1.00:00:00",
    };

    [Test]
    public async Task An_overdue_review_alerts_the_lead_agency_live_then_is_reminded_and_climbs_the_chain_once_per_step_across_a_restart_and_a_second_hub()
    {
        using var data = new TempDirectory();
        var clock = JustAfterMidnight();
        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        Guid riskId;
        IReadOnlyList<LogEntry> log;

        await using (var hub = await HubHost.StartAsync(data.Path, Settings, clock))
        {
            await using var coastGuard = await hub.ConnectAsync("liaison.coast-guard");
            await using var commander = await hub.ConnectAsync("commander");
            using var admin = await hub.ClientForAsync("admin");
            using var ncem = await hub.ClientForAsync("liaison.ncem");
            riskId = (await admin.PostOkAsync("api/register", NewRisk("boats-zuwara-review", yesterday))).GetProperty("riskId").GetGuid();

            // The next scan finds it overdue: the coast guard's liaison is told live, and so is the commander.
            await AdvanceAsync(clock, TimeSpan.FromSeconds(2));
            var seen = await coastGuard.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.RiskReviewOverdue));
            var overdue = seen.Single(e => e.Type == EventTypes.RiskReviewOverdue);
            var alert = overdue.DataAs<RiskReviewOverdue>();
            await commander.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.RiskReviewOverdue && e.IncidentId == riskId));
            Assert.Multiple(async () =>
            {
                Assert.That(overdue.IncidentId, Is.EqualTo(riskId), "on the risk's own stream");
                Assert.That((alert.Code, alert.LeadAgency, alert.NextReview), Is.EqualTo(("boats-zuwara-review", "coast-guard", yesterday)));
                Assert.That(alert.DueAt, Is.EqualTo(new DateTimeOffset(yesterday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
                Assert.That((await ncem.ReadLogAsync()).Any(e => e.IncidentId == riskId), Is.False, "another agency is not told of the coast guard's review");
            });

            // A step interval later a reminder, another and the agency's duty officer.
            await AdvanceAsync(clock, TimeSpan.FromMinutes(10));
            await coastGuard.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.RiskReviewReminderSent));
            await AdvanceAsync(clock, TimeSpan.FromMinutes(10));
            var escalated = await coastGuard.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.RiskReviewEscalated));
            var first = escalated.Single(e => e.Type == EventTypes.RiskReviewEscalated).DataAs<RiskReviewEscalated>();
            Assert.That((first.Level, first.EscalatedTo), Is.EqualTo((1, "agency duty officer")));
        }

        // A restart and a second hub on the same database, well past every step: each step once.
        await using (var again = await HubHost.StartAsync(data.Path, Settings, clock))
        await using (var second = await HubHost.StartAsync(data.Path, Settings, clock))
        {
            await AdvanceAsync(clock, TimeSpan.FromMinutes(90));
            // Both scan now, racing each other and their own timers; once both return, any later scan only repeats an id.
            await Task.WhenAll(again.ScanEscalationsAsync(), second.ScanEscalationsAsync());
            using var store = new EventLogStore(new SqliteDialect(Path.Combine(data.Path, "coordination.db")), new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
            log = await store.ReadAfterAsync(0, 10_000, default);
        }

        var steps = log.Where(e => e.IncidentId == riskId && e.Type is EventTypes.RiskReviewOverdue or EventTypes.RiskReviewReminderSent or EventTypes.RiskReviewEscalated).ToArray();
        var levels = steps.Where(e => e.Type == EventTypes.RiskReviewEscalated).Select(e => e.DataAs<RiskReviewEscalated>()).ToArray();
        var overdueFrom = new DateTimeOffset(yesterday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var coastalBelt = RiskWriter.IdFor("flood-coastal-belt");
        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(e => e.Type), Is.EqualTo(new[]
            {
                EventTypes.RiskReviewOverdue, EventTypes.RiskReviewReminderSent, EventTypes.RiskReviewEscalated, EventTypes.RiskReviewEscalated, EventTypes.RiskReviewEscalated,
            }), "each step once, in order");
            Assert.That(levels.Select(l => l.Level), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(levels.Select(l => l.EscalatedTo).Last(), Is.EqualTo("duty office and commanders"));
            Assert.That(levels.Select(l => l.DueAt), Is.EqualTo(new[] { overdueFrom.AddMinutes(20), overdueFrom.AddMinutes(30), overdueFrom.AddMinutes(40) }));
            Assert.That(log.Any(e => e.IncidentId == coastalBelt && e.Type == EventTypes.RiskReviewOverdue), Is.False,
                "the sample register's overdue coastal flood risk is flagged, not alerted: it is nobody's duty");
        });
    }

    [Test]
    public async Task A_review_by_the_lead_agency_records_a_new_date_without_touching_the_scores_and_ends_the_alerting()
    {
        var clock = JustAfterMidnight();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var hub = await HubHost.StartFreshAsync(Settings, clock);
        await using var commander = await hub.ConnectAsync("commander");
        using var admin = await hub.ClientForAsync("admin");
        using var coastGuard = await hub.ClientForAsync("liaison.coast-guard");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var duty = await hub.ClientForAsync("duty.operator");
        var riskId = (await admin.PostOkAsync("api/register", NewRisk("boats-zuwara-reviewed", today.AddDays(-1)))).GetProperty("riskId").GetGuid();
        await AdvanceAsync(clock, TimeSpan.FromSeconds(2));
        await commander.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.RiskReviewOverdue && e.IncidentId == riskId));

        // Made from version 1 before the alert came: the alert is not a change of the risk, so this is no conflict.
        var before = (await coastGuard.GetOkAsync($"api/register/{riskId}")).GetProperty("current");
        var controls = JsonSerializer.Deserialize<RiskRequest>(before.GetProperty("risk").GetRawText(), HubHost.Json)! with { ControlsEn = "Two patrol boats on call", Reason = null };
        var changed = await coastGuard.PutOkAsync($"api/register/{riskId}", new { risk = controls, expectedVersion = 1 });
        var head = await HeadAsync(hub);

        var nextReview = today.AddDays(90);
        using var stale = await Post(coastGuard, riskId, new { nextReview, note = "x", expectedVersion = 1 });
        using var past = await Post(coastGuard, riskId, new { nextReview = today, note = "x" }, "ar");
        using var wrongType = await Post(coastGuard, riskId, new { nextReview = 20270101 });
        using var hostile = await Post(coastGuard, riskId, new { nextReview, note = "تمت\u202Eالمراجعة" });
        using var otherAgency = await Post(ncem, riskId, new { nextReview });
        using var dutyOffice = await Post(duty, riskId, new { nextReview });
        using var unknown = await Post(coastGuard, Guid.NewGuid(), new { nextReview });
        var headAfterRefusals = await HeadAsync(hub);

        var reviewed = await coastGuard.PostOkAsync($"api/register/{riskId}/review",
            new { nextReview, note = "راجعنا السيناريو مع خفر السواحل: لا تغيير في الدرجات", expectedVersion = changed.GetProperty("version").GetInt32() });
        await commander.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.RiskReviewed && e.IncidentId == riskId));
        var detail = await coastGuard.GetOkAsync($"api/register/{riskId}");

        // Past the reminder and every escalation the old date would have had: nothing more.
        await AdvanceAsync(clock, TimeSpan.FromMinutes(60));
        // A scan at that time has run to its end, so what it would append is in the stream read next.
        await hub.ScanEscalationsAsync();
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(riskId, default);

        Assert.Multiple(async () =>
        {
            Assert.That(changed.GetProperty("version").GetInt32(), Is.EqualTo(3), "after the recording and the alert");
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Errors(past), Does.ContainKey("nextReview"));
            Assert.That((await Errors(past))["nextReview"], Does.Contain("بعد اليوم"), "in the caller's language");
            Assert.That(wrongType.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Errors(wrongType), Does.ContainKey("$.nextReview"));
            Assert.That(hostile.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Errors(hostile), Does.ContainKey("note"));
            Assert.That(otherAgency.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await otherAgency.Content.ReadAsStringAsync(), Does.Contain("led by coast-guard"));
            Assert.That(dutyOffice.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(headAfterRefusals, Is.EqualTo(head), "nothing written by a refusal");

            Assert.That(reviewed.GetProperty("version").GetInt32(), Is.EqualTo(4));
            Assert.That(detail.GetProperty("current").GetProperty("risk").GetProperty("nextReview").GetString(), Is.EqualTo(nextReview.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(detail.GetProperty("current").GetProperty("reviewOverdue").GetBoolean(), Is.False);
            Assert.That(detail.GetProperty("current").GetProperty("risk").GetProperty("likelihood").GetInt32(), Is.EqualTo(before.GetProperty("risk").GetProperty("likelihood").GetInt32()));
            Assert.That(detail.GetProperty("history")[0].GetProperty("changed").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "nextReview" }));
            Assert.That(detail.GetProperty("history")[0].GetProperty("reason").GetString(), Does.StartWith("راجعنا السيناريو"));
            Assert.That(stream.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.RiskRecorded, EventTypes.RiskReviewOverdue, EventTypes.RiskChanged, EventTypes.RiskReviewed }),
                "the review ended the alerting: no reminder, no escalation");
        });
    }

    // Reviews fall due at midnight (UTC): the clock starts just after, so a review due yesterday has only its alert due yet.
    private static FakeTimeProvider JustAfterMidnight() => new(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddSeconds(30));

    /// <summary>The sample register's migrant-boat risk, led by the coast guard, under a code of its own and a review date.</summary>
    private static RiskRequest NewRisk(string code, DateOnly nextReview) =>
        RegisterSeed.Sample().Single(r => r.Code == "sea-rescue-zuwara") with { Code = code, NextReview = nextReview, Reason = null };

    private static async Task<HttpResponseMessage> Post(HttpClient client, Guid riskId, object body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/register/{riskId}/review") { Content = JsonContent.Create(body, options: HubHost.Json) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    private static async Task<Dictionary<string, string>> Errors(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));

    private static async Task<long> HeadAsync(HubHost hub) => await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);

    // Moves the clock in small steps, as real time would pass, so periodic timers fire along the way.
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by, TimeSpan? stepBy = null)
    {
        var step = stepBy ?? TimeSpan.FromSeconds(30);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            clock.Advance(by - moved < step ? by - moved : step);
            await Task.Delay(20);
        }
    }
}
