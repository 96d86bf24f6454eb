using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Hub.Features.Exercises;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The after-action report of an exercise: each agency judged against the scenario's expected actions from what its
/// liaisons did (on time, late, never), and the evaluators' findings, whose proposals the lead agency decides, an
/// accepted re-score changing the register with the exercise's finding named in the risk's history.
/// </summary>
[TestFixture]
public sealed class AfterActionTests
{
    private const string Medicane = "medicane-derna";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Coordination:Exercises:ScanInterval"] = "00:00:01",
        ["Coordination:Escalation:ScanInterval"] = "00:00:01",
        ["Coordination:Auth:TokenLifetime"] = "1.00:00:00",
    };

    private static readonly Guid DernaDams = RiskWriter.IdFor("flood-derna-dams");

    [Test]
    public async Task The_Derna_scenario_at_60x_judges_each_agency_met_late_missed_or_pending_from_what_its_liaisons_did()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartFreshAsync(Settings, clock);
        using var commander = await hub.ClientForAsync("commander");
        // NCEM acknowledges two exercise minutes after an alert reaches it and completes its tasks after five; Civil
        // Defence acknowledges fifteen minutes after; Derna's municipality is connected and never answers.
        await using var ncem = new ScriptedLiaison(await hub.ConnectAsync("liaison.ncem"), "ncem", 2, 5);
        await using var civilDefence = new ScriptedLiaison(await hub.ConnectAsync("liaison.civil-defence"), "civil-defence", 15, null);
        await using var municipality = new ScriptedLiaison(await hub.ConnectAsync("liaison.municipality-derna"), "municipality-derna", null, null);
        ScriptedLiaison[] liaisons = [ncem, civilDefence, municipality];

        var exerciseId = (await commander.PostOkAsync("api/exercises", new { scenario = Medicane, speed = 60 })).GetProperty("exerciseId").GetGuid();

        // At 60x a real second is an exercise minute: the clock moves a second at a time, the runner fires what is due,
        // each liaison sees what was pushed to it and answers as scripted.
        JsonElement? early = null;
        for (var minute = 0; minute <= 125; minute++)
        {
            if (minute > 0)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }

            await Runner(hub).RunAsync(default);
            foreach (var liaison in liaisons)
            {
                await liaison.PlayAsync(hub, exerciseId, minute);
            }

            if (minute == 5)
            {
                early = await commander.GetOkAsync($"api/exercises/{exerciseId}/after-action");
            }
        }

        var report = await commander.GetOkAsync($"api/exercises/{exerciseId}/after-action");
        var log = await commander.ReadLogAsync();
        var results = Results(report);
        var earlyResults = Results(early!.Value);
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("exercise").GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(report.GetProperty("timeline").EnumerateArray().Select(i => i.GetProperty("fired").GetProperty("exerciseMinutes").GetDouble()),
                Is.EqualTo(new double[] { 0, 20, 35, 50, 65, 80, 95, 110 }), "every inject fired, at its time");

            // T+5: NCEM has acknowledged the storm; Civil Defence and the municipality still have time; later injects are to come.
            Assert.That(earlyResults[("ncem", 1, "Acknowledge")].Outcome, Is.EqualTo("Met"));
            Assert.That(earlyResults[("civil-defence", 1, "Acknowledge")].Outcome, Is.EqualTo("Pending"));
            Assert.That(earlyResults[("municipality-derna", 1, "Acknowledge")].Outcome, Is.EqualTo("Pending"));
            Assert.That(earlyResults[("ambulance", 4, "Acknowledge")].Outcome, Is.EqualTo("Pending"), "its inject has not fired yet");

            // The end: exactly these, every expected action of the scenario.
            Assert.That(results.ToDictionary(r => r.Key, r => r.Value.Outcome), Is.EquivalentTo(new Dictionary<(string, int, string), string>
            {
                [("ncem", 1, "Acknowledge")] = "Met",
                [("civil-defence", 1, "Acknowledge")] = "Late",
                [("municipality-derna", 1, "Acknowledge")] = "Missed",
                [("security-derna", 2, "Acknowledge")] = "Missed",
                [("ncem", 4, "ActivatePlan")] = "Met",
                [("ncem", 4, "CompleteTask")] = "Met",
                [("civil-defence", 4, "CompleteTask")] = "Missed",
                [("ambulance", 4, "Acknowledge")] = "Missed",
                [("ambulance", 5, "Acknowledge")] = "Missed",
                [("civil-defence", 5, "Acknowledge")] = "Late",
                [("red-crescent", 6, "Acknowledge")] = "Missed",
            }));
            Assert.That(results[("ncem", 1, "Acknowledge")].DoneAt, Is.EqualTo(2));
            Assert.That((results[("civil-defence", 1, "Acknowledge")].DoneAt, results[("civil-defence", 1, "Acknowledge")].LateBy), Is.EqualTo((15.0, 5.0)));
            Assert.That((results[("civil-defence", 5, "Acknowledge")].DoneAt, results[("civil-defence", 5, "Acknowledge")].LateBy), Is.EqualTo((80.0, 10.0)));
            Assert.That(results[("ncem", 4, "ActivatePlan")].DoneAt, Is.EqualTo(50), "the dam failure activates the Derna flood plan at once");

            // Each result done links to the entry behind it.
            foreach (var ((agency, inject, action), result) in results.Where(r => r.Value.Position is not null))
            {
                var entry = log.Single(e => e.Position == result.Position);
                Assert.That(entry.EventId, Is.EqualTo(result.EventId));
                Assert.That(entry.Type, Is.EqualTo(action switch
                {
                    "Acknowledge" => EventTypes.AlertAcknowledged,
                    "ActivatePlan" => EventTypes.PlanActivated,
                    _ => EventTypes.TaskCompleted,
                }), $"{agency} inject {inject}");
                Assert.That(entry.Metadata.ExerciseId, Is.EqualTo(exerciseId));
            }

            Assert.That(results.Where(r => r.Value.Outcome == "Missed").All(r => r.Value.Position is null), Is.True);

            // Per agency counts, and the evaluation's own figures of the exercise beside them.
            var civil = report.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "civil-defence");
            Assert.That((civil.GetProperty("met").GetInt32(), civil.GetProperty("late").GetInt32(), civil.GetProperty("missed").GetInt32()), Is.EqualTo((0, 2, 1)));
            var figures = report.GetProperty("figures");
            Assert.That(figures.GetProperty("exercise").GetProperty("exerciseId").GetGuid(), Is.EqualTo(exerciseId));
            var ncemFigures = figures.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "ncem").GetProperty("current");
            Assert.That(ncemFigures.GetProperty("alerts").GetInt32(), Is.EqualTo(log.Count(e => e.Type == EventTypes.AgencyAlerted && e.Metadata.ExerciseId == exerciseId
                && e.DataAs<AgencyAlerted>().Agency == "ncem")));
            Assert.That(report.GetProperty("improvementPlan").GetArrayLength(), Is.Zero, "no item raised from it yet");
        });

        // A liaison reads their own agency's part only.
        using var ncemHttp = await hub.ClientForAsync("liaison.ncem");
        var own = await ncemHttp.GetOkAsync($"api/exercises/{exerciseId}/after-action");
        Assert.That(own.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString()), Is.EqualTo(new[] { "ncem" }));
        // Of the timeline, what reached NCEM as a player, with only NCEM's expected actions; an agency that did not play reads nothing.
        var ownTimeline = own.GetProperty("timeline").EnumerateArray().ToArray();
        Assert.That(ownTimeline, Is.Not.Empty);
        Assert.That(ownTimeline.Length, Is.LessThan(report.GetProperty("timeline").GetArrayLength()), "not the injects that never reached NCEM");
        Assert.That(ownTimeline.SelectMany(i => i.GetProperty("inject").GetProperty("expected").EnumerateArray()).Select(e => e.GetProperty("agency").GetString()).Distinct(),
            Is.EqualTo(new[] { "ncem" }));
        using var coastGuard = await hub.ClientForAsync("liaison.coast-guard");
        using var notPlayed = await coastGuard.GetAsync(new Uri($"api/exercises/{exerciseId}/after-action", UriKind.Relative));
        Assert.That(notPlayed.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
        // Nor do its evaluation figures say the exercise exists (or its title) to an agency that did not play.
        using var notPlayedFigures = await coastGuard.GetAsync(new Uri($"api/evaluation?exercise={exerciseId}", UriKind.Relative));
        Assert.That(notPlayedFigures.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), await notPlayedFigures.Content.ReadAsStringAsync());
        Assert.That((await ncemHttp.GetAsync(new Uri($"api/evaluation?exercise={exerciseId}", UriKind.Relative))).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "a player reads its own line");

        // The improvement plan is the follow-up's items raised from this exercise, and only those.
        var due = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(30);
        var raised = (await commander.PostOkAsync("api/improvements", new
        {
            actionAr = "تدريب بلدية درنة على تأكيد الاستلام",
            actionEn = "Train Derna's municipality to acknowledge alerts",
            ownerAgency = "municipality-derna",
            dueDate = due,
            source = "Exercise",
            sourceId = exerciseId,
        })).GetProperty("itemId").GetGuid();
        await commander.PostOkAsync("api/improvements", new { actionAr = "بند آخر", actionEn = "Another item", ownerAgency = "ncem", dueDate = due });
        var plan = (await ncemHttp.GetOkAsync($"api/exercises/{exerciseId}/after-action")).GetProperty("improvementPlan");
        Assert.That(plan.EnumerateArray().Select(i => (i.GetProperty("itemId").GetGuid(), i.GetProperty("ownerAgency").GetString(), i.GetProperty("status").GetString())),
            Is.EqualTo(new[] { (raised, "municipality-derna", "Open") }));
    }

    [Test]
    public async Task A_finding_s_re_score_accepted_by_the_lead_agency_changes_the_risk_with_the_finding_in_its_history_and_a_decline_or_wrong_agency_changes_nothing()
    {
        // The exercise's clock stands at T+0 (its first inject fired), so only what the test does is written.
        await using var hub = await HubHost.StartFreshAsync(Settings, new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var commander = await hub.ClientForAsync("commander");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        await using var evaluator = await hub.ConnectAsync("commander");
        var exerciseId = (await commander.PostOkAsync("api/exercises", new { scenario = Medicane, speed = 60 })).GetProperty("exerciseId").GetGuid();
        await Runner(hub).RunAsync(default);
        var before = await commander.GetOkAsync($"api/register/{DernaDams}");
        var likelihood = before.GetProperty("current").GetProperty("risk").GetProperty("likelihood").GetInt32();
        var proposed = likelihood == 5 ? 4 : likelihood + 1;

        // A gap proposing a re-score, recorded through the hub; another through REST, to be declined.
        var gap = await evaluator.Connection.InvokeAsync<RecordFinding.Recorded>("RecordFinding", exerciseId, new RecordFinding.Request(
            Agencies.Contracts.Exercises.FindingKind.Gap, "تأخر إخلاء الأحياء المحاذية للوادي", "Evacuation along the wadi came late", "municipality-derna",
            new RecordFinding.RescoreRequest(DernaDams, proposed, null, "The drill showed the dams fail faster than assessed"), null));
        var declined = (await commander.PostOkAsync($"api/exercises/{exerciseId}/findings", new
        {
            kind = "Gap", textAr = "السدود أضعف مما قُدّر", textEn = "The dams are weaker than assessed",
            rescore = new { riskId = DernaDams, likelihood = 1, reason = "Overstated" },
        })).GetProperty("findingId").GetGuid();
        // Sent twice with one key (an answer lost on the way): recorded once.
        var strengthKey = Guid.CreateVersion7();
        var strength = (await commander.PostOkAsync($"api/exercises/{exerciseId}/findings", new { kind = "Strength", textAr = "تفعيل الخطة فوري", textEn = "The plan was activated at once", agency = "ncem", eventId = strengthKey }))
            .GetProperty("findingId").GetGuid();
        var strengthAgain = (await commander.PostOkAsync($"api/exercises/{exerciseId}/findings", new { kind = "Strength", textAr = "تفعيل الخطة فوري", textEn = "The plan was activated at once", agency = "ncem", eventId = strengthKey }))
            .GetProperty("findingId").GetGuid();
        Assert.That(strengthAgain, Is.EqualTo(strength));

        // Civil Defence does not lead the risk: refused in either language, nothing written.
        var head = await HeadAsync(hub);
        var wrongEn = await SendAsync(civilDefence, $"api/exercises/{exerciseId}/findings/{gap.FindingId}/decision", new { accept = true, reason = "نوافق" }, "en");
        var wrongAr = await SendAsync(civilDefence, $"api/exercises/{exerciseId}/findings/{gap.FindingId}/decision", new { accept = true, reason = "نوافق" }, "ar");
        var noReason = await SendAsync(ncem, $"api/exercises/{exerciseId}/findings/{gap.FindingId}/decision", new { accept = true, reason = "" }, "en");
        var nothingProposed = await SendAsync(ncem, $"api/exercises/{exerciseId}/findings/{strength}/decision", new { accept = true, reason = "نعم" }, "en");
        var badFinding = await SendAsync(commander, $"api/exercises/{exerciseId}/findings", new
        {
            kind = "Gap", textAr = "", textEn = "x", agency = "atlantis", rescore = new { riskId = Guid.NewGuid(), likelihood = 9, reason = "" },
            planChange = new { planId = Guid.NewGuid(), change = "x" },
        }, "en");
        var unknownRisk = await SendAsync(commander, $"api/exercises/{exerciseId}/findings", new
        {
            kind = "Gap", textAr = "نص", textEn = "text", rescore = new { riskId = Guid.NewGuid(), likelihood = 3, reason = "why" },
        }, "en");
        var impactLeftOut = await SendAsync(commander, $"api/exercises/{exerciseId}/findings", new
        {
            kind = "Gap", textAr = "نص", textEn = "text",
            rescore = new { riskId = DernaDams, impacts = new { casualties = 4, displacement = 5, economic = 4, essentialServices = 5, socialPsychological = 4, environment = 3, security = 2 }, reason = "why" },
        }, "en");
        Assert.Multiple(() =>
        {
            Assert.That(wrongEn.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Detail(wrongEn.Body), Does.Contain("led by ncem"));
            Assert.That(wrongAr.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Detail(wrongAr.Body), Does.Contain("تقوده ncem"));
            Assert.That(noReason.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(nothingProposed.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(badFinding.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Errors(badFinding.Body), Is.SupersetOf(new[] { "textAr", "agency", "planChange", "rescore.likelihood", "rescore.reason" }));
            Assert.That(unknownRisk.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Errors(unknownRisk.Body), Does.Contain("rescore.riskId"));
            Assert.That(impactLeftOut.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Errors(impactLeftOut.Body), Is.EqualTo(new[] { "rescore.impacts.fatalities" }), "the dimension left out, by name");
        });
        Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written by a refusal");

        // NCEM declines one: the risk stays as it was.
        var decline = await ncem.PostOkAsync($"api/exercises/{exerciseId}/findings/{declined}/decision", new { accept = false, reason = "التقييم الحالي أدق" });
        var afterDecline = await commander.GetOkAsync($"api/register/{DernaDams}");
        Assert.Multiple(() =>
        {
            Assert.That(decline.GetProperty("changePosition").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(afterDecline.GetProperty("current").GetProperty("version").GetInt32(), Is.EqualTo(before.GetProperty("current").GetProperty("version").GetInt32()));
            Assert.That(afterDecline.GetProperty("current").GetProperty("risk").GetProperty("likelihood").GetInt32(), Is.EqualTo(likelihood));
        });

        // NCEM, which leads the risk, accepts the other: the risk is re-scored, its history naming the exercise and finding.
        await using var ncemLive = await hub.ConnectAsync("liaison.ncem");
        var accepted = await ncemLive.Connection.InvokeAsync<DecideProposal.Decided>("DecideProposal", exerciseId, gap.FindingId,
            new DecideProposal.Request(true, "نوافق: الدرس واضح"));
        var again = await SendAsync(ncem, $"api/exercises/{exerciseId}/findings/{gap.FindingId}/decision", new { accept = false, reason = "تراجع" }, "en");
        var after = await commander.GetOkAsync($"api/register/{DernaDams}");
        var latest = after.GetProperty("history")[0];
        var report = await commander.GetOkAsync($"api/exercises/{exerciseId}/after-action");
        var findings = report.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("finding").GetProperty("findingId").GetGuid());
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("current").GetProperty("risk").GetProperty("likelihood").GetInt32(), Is.EqualTo(proposed));
            Assert.That(latest.GetProperty("position").GetInt64(), Is.EqualTo(accepted.ChangePosition));
            Assert.That(latest.GetProperty("changed").EnumerateArray().Select(c => c.GetString()), Does.Contain("likelihood"));
            Assert.That(latest.GetProperty("changedBy").GetString(), Is.EqualTo("liaison.ncem"));
            Assert.That(latest.GetProperty("reason").GetString(), Does.StartWith("The drill showed the dams fail faster than assessed"));
            Assert.That(latest.GetProperty("source").GetProperty("exerciseId").GetGuid(), Is.EqualTo(exerciseId));
            Assert.That(latest.GetProperty("source").GetProperty("findingId").GetGuid(), Is.EqualTo(gap.FindingId));
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), "a proposal is decided once");
            Assert.That(findings.Keys, Is.EquivalentTo(new[] { gap.FindingId, declined, strength }));
            Assert.That(findings[gap.FindingId].GetProperty("decision").GetProperty("accepted").GetBoolean(), Is.True);
            Assert.That(findings[gap.FindingId].GetProperty("decision").GetProperty("by").GetString(), Is.EqualTo("liaison.ncem"));
            Assert.That(findings[declined].GetProperty("decision").GetProperty("accepted").GetBoolean(), Is.False);
            Assert.That(findings[strength].GetProperty("decision").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(report.GetProperty("figures").ValueKind, Is.EqualTo(JsonValueKind.Object));
        });

        // The entries are on the exercise's stream, marked with it.
        var log = await commander.ReadLogAsync();
        Assert.That(log.Where(e => e.Type is EventTypes.ExerciseFindingRecorded or EventTypes.ExerciseProposalDecided)
            .All(e => e.IncidentId == exerciseId && e.Metadata.ExerciseId == exerciseId), Is.True);
    }

    [Test]
    public async Task A_finding_about_an_agency_that_does_not_take_part_in_the_exercise_is_refused_naming_agency()
    {
        await using var hub = await HubHost.StartFreshAsync(Settings);
        using var commander = await hub.ClientForAsync("commander");
        // The Derna medicane is played without the coast guard.
        var exerciseId = (await commander.PostOkAsync("api/exercises", new { scenario = Medicane, speed = 60 })).GetProperty("exerciseId").GetGuid();
        var finding = new { kind = "Gap", textAr = "لم يصل خفر السواحل", textEn = "The coast guard never came", agency = "coast-guard" };

        var english = await SendAsync(commander, $"api/exercises/{exerciseId}/findings", finding, "en");
        var arabic = await SendAsync(commander, $"api/exercises/{exerciseId}/findings", finding, "ar");
        Assert.Multiple(async () =>
        {
            Assert.That(english.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Errors(english.Body), Is.EqualTo(new[] { "agency" }));
            Assert.That(Detail(english.Body), Does.Contain("'coast-guard' does not take part in this exercise"));
            Assert.That(arabic.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Detail(arabic.Body), Does.Contain("'coast-guard' لا تشارك في هذا التمرين"));
            // The exercise's own injects keep firing meanwhile, so its stream, not the log's head, shows nothing was written.
            Assert.That(await FindingsAsync(hub, exerciseId), Is.Zero, "nothing written");
        });

        // A participant is taken.
        await commander.PostOkAsync($"api/exercises/{exerciseId}/findings", finding with { agency = "civil-defence" });
        Assert.That(await FindingsAsync(hub, exerciseId), Is.EqualTo(1));
    }

    [Test]
    public async Task A_plan_change_accepted_by_the_lead_agency_is_listed_in_the_plan_s_history_and_leaves_the_plan_to_its_editor()
    {
        await using var hub = await HubHost.StartFreshAsync(Settings);
        using var commander = await hub.ClientForAsync("commander");
        using var admin = await hub.ClientForAsync("admin");
        var exerciseId = (await commander.PostOkAsync("api/exercises", new { scenario = Medicane, speed = 60 })).GetProperty("exerciseId").GetGuid();
        var planId = (await commander.GetOkAsync("api/plans")).GetProperty("plans").EnumerateArray()
            .Select(p => p.GetProperty("plan")).Single(p => p.GetProperty("code").GetString() == "flood-derna").GetProperty("planId").GetGuid();
        var before = await commander.GetOkAsync($"api/plans/{planId}");
        var finding = (await commander.PostOkAsync($"api/exercises/{exerciseId}/findings", new
        {
            kind = "Gap", textAr = "لا مهمة لإغلاق الجسور", textEn = "No task closes the bridges", agency = "security-derna",
            planChange = new { planId, change = "Add a task for Derna's security directorate: close the wadi bridges at the dam-level warning." },
        })).GetProperty("findingId").GetGuid();
        var decided = await admin.PostOkAsync($"api/exercises/{exerciseId}/findings/{finding}/decision", new { accept = true, reason = "يُضاف في المراجعة القادمة" });
        var after = await commander.GetOkAsync($"api/plans/{planId}");
        var proposal = after.GetProperty("proposals").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("current").GetProperty("version").GetInt32(), Is.EqualTo(before.GetProperty("current").GetProperty("version").GetInt32()),
                "the plan itself is the editor's to change");
            Assert.That(proposal.GetProperty("exerciseId").GetGuid(), Is.EqualTo(exerciseId));
            Assert.That(proposal.GetProperty("findingId").GetGuid(), Is.EqualTo(finding));
            Assert.That(proposal.GetProperty("accepted").GetBoolean(), Is.True);
            Assert.That(proposal.GetProperty("decidedBy").GetString(), Is.EqualTo("admin"));
            Assert.That(proposal.GetProperty("position").GetInt64(), Is.EqualTo(decided.GetProperty("position").GetInt64()));
        });
    }

    private static Dictionary<(string Agency, int Inject, string Action), (string Outcome, double? DoneAt, double? LateBy, long? Position, Guid? EventId)> Results(JsonElement report) =>
        report.GetProperty("agencies").EnumerateArray().SelectMany(a => a.GetProperty("results").EnumerateArray().Select(r => (
            Key: (a.GetProperty("agency").GetString()!, r.GetProperty("inject").GetInt32(), r.GetProperty("action").GetString()!),
            Value: (r.GetProperty("outcome").GetString()!, Number(r, "doneAtMinutes"), Number(r, "lateByMinutes"),
                r.GetProperty("position").ValueKind == JsonValueKind.Null ? (long?)null : r.GetProperty("position").GetInt64(),
                r.GetProperty("eventId").ValueKind == JsonValueKind.Null ? (Guid?)null : r.GetProperty("eventId").GetGuid()))))
        .ToDictionary(r => r.Key, r => r.Value);

    private static double? Number(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    private static ExerciseRunner Runner(HubHost hub) => hub.Services.GetServices<IHostedService>().OfType<ExerciseRunner>().Single();

    private static async Task<int> FindingsAsync(HubHost hub, Guid exerciseId) =>
        (await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(exerciseId, default)).Count(e => e.Type == EventTypes.ExerciseFindingRecorded);

    private static async Task<long> HeadAsync(HubHost hub) => await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string path, object body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: HubHost.Json) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Detail(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("detail").GetString()!;

    private static string[] Errors(string problem) => [.. JsonDocument.Parse(problem).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    /// <summary>
    /// A liaison's console played by a script over the real SignalR channel: it acknowledges each alert pushed to it a set
    /// number of exercise minutes after it saw it (or never), and completes its agency's plan tasks likewise.
    /// </summary>
    private sealed class ScriptedLiaison(CoordinationClient client, string agency, int? acknowledgeAfter, int? completeAfter) : IAsyncDisposable
    {
        private readonly Dictionary<Guid, (Guid IncidentId, int Seen)> _alerts = [];
        private readonly Dictionary<(Guid IncidentId, string Plan, string Task), int> _tasks = [];
        private readonly HashSet<Guid> _acknowledged = [];
        private readonly HashSet<(Guid, string, string)> _completed = [];

        public async Task PlayAsync(HubHost hub, Guid exerciseId, int minute)
        {
            // Wait until every alert of its agency on the exercise's incidents has been pushed to it, so "seen" is the minute it fired.
            var exercise = await hub.Services.GetRequiredService<ExerciseLog>().ReadAsync(exerciseId, default);
            var readModels = hub.Services.GetRequiredService<ReadModels>();
            var owed = new HashSet<Guid>();
            foreach (var incidentId in exercise!.Fired.Values.Select(f => f.IncidentId).Distinct())
            {
                owed.UnionWith((await readModels.GetAlertsAsync(incidentId, default)).Where(a => a.Agency == agency).Select(a => a.AlertEventId));
            }

            var received = await client.WaitUntilAsync(es => owed.All(id => es.Any(e => e.EventId == id)));
            foreach (var entry in received)
            {
                if (entry.Type == EventTypes.AgencyAlerted && entry.DataAs<AgencyAlerted>().Agency == agency)
                {
                    _alerts.TryAdd(entry.EventId, (entry.IncidentId, minute));
                }
                else if (entry.Type == EventTypes.TaskAssigned && entry.DataAs<TaskAssigned>() is { } task && task.Agency == agency)
                {
                    _tasks.TryAdd((entry.IncidentId, task.PlanCode, task.TaskId), minute);
                }
            }

            foreach (var (alertId, (incidentId, seen)) in _alerts)
            {
                if (acknowledgeAfter is { } after && minute - seen >= after && _acknowledged.Add(alertId))
                {
                    await client.AcknowledgeAsync(incidentId, "تم الاستلام");
                }
            }

            foreach (var (task, seen) in _tasks)
            {
                if (completeAfter is { } after && minute - seen >= after && _completed.Add(task))
                {
                    await client.CompleteTaskAsync(task.IncidentId, task.Plan, task.Task, "أُنجزت");
                }
            }
        }

        public ValueTask DisposeAsync() => client.DisposeAsync();
    }
}
