using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Features.Plans;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The library of contingency plans: each plan a stream of the log whose entries are its whole versions, entered and
/// changed by its lead agency or an administrator, read by everyone signed in, bad plans refused field by field with
/// nothing written, and a sample plan for a flood in Derna entered at the first start.
/// </summary>
[TestFixture]
public sealed class PlanLibraryTests
{
    private const string FloodPlan = "flood-derna";

    [Test]
    public async Task The_first_start_enters_a_sample_Derna_flood_plan_answering_the_register_s_dams_risk()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var redCrescent = await hub.ClientForAsync("liaison.red-crescent");

        var plan = await redCrescent.PlanAsync(FloodPlan);
        var detail = await redCrescent.GetOkAsync($"api/plans/{PlanCalls.PlanId(plan)}");
        var risk = (await redCrescent.GetOkAsync("api/register")).GetProperty("risks").EnumerateArray()
            .Single(r => r.GetProperty("risk").GetProperty("code").GetString() == "flood-derna-dams");
        var tasks = plan.GetProperty("plan").GetProperty("tasks").EnumerateArray().ToArray();
        var swiftWater = tasks.Single(t => t.GetProperty("taskId").GetString() == "cd-swift-water-rescue");

        Assert.Multiple(() =>
        {
            Assert.That(plan.GetProperty("plan").GetProperty("isSample").GetBoolean(), Is.True, "marked as sample data");
            Assert.That(plan.GetProperty("plan").GetProperty("leadAgency").GetString(), Is.EqualTo("ncem"));
            Assert.That(plan.GetProperty("plan").GetProperty("risks").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "flood-derna-dams" }));
            Assert.That(risk.GetProperty("risk").GetProperty("plans").EnumerateArray().Select(p => p.GetString()), Does.Contain(FloodPlan), "the register names it");
            Assert.That(plan.GetProperty("plan").GetProperty("activation").GetProperty("minimumSeverity").GetString(), Is.EqualTo("Severe"));
            Assert.That(tasks.Select(t => t.GetProperty("agency").GetString()).Distinct(),
                Is.EquivalentTo(new[] { "ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna" }));
            Assert.That((swiftWater.GetProperty("capability").GetString(), swiftWater.GetProperty("quantity").GetInt32(), swiftWater.GetProperty("dueAfterMinutes").GetInt32()),
                Is.EqualTo(("swift-water-rescue-team", 4, 30)));
            Assert.That(swiftWater.GetProperty("checklist")[0].GetProperty("textAr").GetString(), Is.Not.Empty);
            Assert.That(detail.GetProperty("history").GetArrayLength(), Is.EqualTo(1));
            Assert.That(detail.GetProperty("history")[0].GetProperty("changedBy").GetString(), Is.EqualTo("seed"));
            Assert.That(PlanChecks.Find(PlanSeed.Sample().Single(), Coordination.Dispatch.Agencies.AgencyDirectory.LoadSample(), new HashSet<string> { "flood-derna-dams" }),
                Is.Empty, "the sample passes the checks every plan entered by a person passes");
        });
    }

    [Test]
    public async Task Bad_plans_are_refused_naming_each_field_in_the_caller_s_language_with_nothing_written()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        var head = await HeadAsync(hub);
        var plan = JsonSerializer.SerializeToNode(PlanSeed.Sample().Single() with { Code = "flood-derna-2" }, HubHost.Json)!.AsObject();
        plan["titleAr"] = "";
        plan["risks"] = new JsonArray("flood-derna-dams", "flood-atlantis");
        plan["activation"]!["districts"] = new JsonArray("derna", "atlantis");
        plan["alsoAlert"] = new JsonArray("nasa", "moi-duty");
        var tasks = plan["tasks"]!.AsArray();
        tasks[0]!["dueAfterMinutes"] = 0;
        tasks[0]!["capability"] = null;
        tasks[1]!["taskId"] = tasks[0]!["taskId"]!.GetValue<string>();
        tasks[2]!["agency"] = "nasa";
        tasks[3]!["checklist"]![0]!["textEn"] = "";
        tasks[4]!["titleEn"] = "Triage\u202Eevil";
        tasks[5]!["agency"] = "moi-duty";

        using var refused = await admin.PostAsJsonAsync("api/plans", plan, HubHost.Json);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        using var arabicRequest = new HttpRequestMessage(HttpMethod.Post, "api/plans") { Content = JsonContent.Create(plan, options: HubHost.Json) };
        arabicRequest.Headers.AcceptLanguage.ParseAdd("ar");
        using var arabic = await admin.SendAsync(arabicRequest);
        var arabicErrors = JsonDocument.Parse(await arabic.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var sample = await admin.PlanAsync(FloodPlan);
        using var badChange = await admin.PutAsJsonAsync($"api/plans/{sample.GetProperty("plan").GetProperty("planId").GetGuid()}", new { plan }, HubHost.Json);
        var changeErrors = JsonDocument.Parse(await badChange.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var noTasks = PlanCalls.Editable(sample);
        noTasks["tasks"] = new JsonArray();
        using var empty = await admin.PutAsJsonAsync($"api/plans/{sample.GetProperty("plan").GetProperty("planId").GetGuid()}", new { plan = noTasks }, HubHost.Json);
        using var unknownHazard = await admin.PostAsJsonAsync("api/plans", new { code = "x-y-z", activation = new { hazards = new[] { "Volcano" } } }, HubHost.Json);

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[]
            {
                "titleAr", "risks[1]", "activation.districts[1]", "alsoAlert[0]", "alsoAlert[1]", "tasks[0].dueAfterMinutes", "tasks[0].quantity", "tasks[1].taskId",
                "tasks[2].agency", "tasks[3].checklist[0].textEn", "tasks[4].titleEn", "tasks[5].agency",
            }));
            Assert.That(errors.GetProperty("risks[1]")[0].GetString(), Is.EqualTo("Risk 'flood-atlantis' is not in the register."));
            Assert.That(errors.GetProperty("tasks[2].agency")[0].GetString(), Is.EqualTo("Agency 'nasa' is not known."));
            Assert.That(errors.GetProperty("alsoAlert[1]")[0].GetString(), Does.StartWith("Agency 'moi-duty' is the duty office"), "an alert to it could only escalate");
            Assert.That(errors.GetProperty("tasks[5].agency")[0].GetString(), Does.StartWith("Agency 'moi-duty' is the duty office"), "a task for it could only escalate");
            Assert.That(errors.GetProperty("tasks[4].titleEn")[0].GetString(), Does.StartWith("tasks[4].titleEn contains a hidden character (U+202E"));
            Assert.That(arabicErrors.GetProperty("tasks[1].taskId")[0].GetString(), Does.StartWith("معرّف المهمة"));
            Assert.That(changeErrors.EnumerateObject().Select(e => e.Name), Does.Contain("plan.tasks[2].agency"), "a change names them under plan.");
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await empty.Content.ReadAsStringAsync(), Does.Contain("plan.tasks"));
            Assert.That(unknownHazard.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unknownHazard.Content.ReadAsStringAsync(), Does.Contain("$.activation.hazards[0]"));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written");
        });
    }


    [Test]
    public async Task A_plan_is_entered_and_changed_whole_by_its_lead_agency_each_change_a_version_with_its_reason()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var commander = await hub.ClientForAsync("commander");
        var plan = await ncem.PlanAsync(FloodPlan);
        var planId = PlanCalls.PlanId(plan);
        var changed = PlanCalls.Editable(plan);
        changed["tasks"]!.AsArray().Single(t => t!["taskId"]!.GetValue<string>() == "cd-swift-water-rescue")!["quantity"] = 6;
        changed["reason"] = "دروس فيضان 2023: أربعة فرق لا تكفي";

        using var byOtherAgency = await civilDefence.PutAsJsonAsync($"api/plans/{planId}", new { plan = changed }, HubHost.Json);
        using var byCommander = await commander.PutAsJsonAsync($"api/plans/{planId}", new { plan = changed }, HubHost.Json);
        var saved = await ncem.PutOkAsync($"api/plans/{planId}", new { plan = changed, expectedVersion = 1 });
        var meanwhile = JsonNode.Parse(changed.ToJsonString())!.AsObject();
        meanwhile["titleEn"] = "Made from version 1";
        using var stale = await ncem.PutAsJsonAsync($"api/plans/{planId}", new { plan = meanwhile, expectedVersion = 1 }, HubHost.Json);
        var noReason = JsonNode.Parse(meanwhile.ToJsonString())!.AsObject();
        noReason.Remove("reason");
        using var withoutReason = await ncem.PutAsJsonAsync($"api/plans/{planId}", new { plan = noReason }, HubHost.Json);
        var renamed = JsonNode.Parse(changed.ToJsonString())!.AsObject();
        renamed["code"] = "flood-derna-v2";
        using var newCode = await ncem.PutAsJsonAsync($"api/plans/{planId}", new { plan = renamed }, HubHost.Json);
        var again = await ncem.PutOkAsync($"api/plans/{planId}", new { plan = changed });
        var detail = await civilDefence.GetOkAsync($"api/plans/{planId}");
        var library = await civilDefence.GetOkAsync("api/plans");

        // A new plan: by the liaison of the agency that leads it, not of another; a code in use is refused.
        var boat = PlanCalls.Editable(plan);
        boat["code"] = "boat-zuwara";
        boat["leadAgency"] = "coast-guard";
        boat["risks"] = new JsonArray("sea-rescue-zuwara");
        using var notTheirs = await ncem.PostAsJsonAsync("api/plans", boat, HubHost.Json);
        using var coastGuard = await hub.ClientForAsync("liaison.coast-guard");
        var entered = await coastGuard.PostOkAsync("api/plans", boat);
        using var taken = await coastGuard.PostAsJsonAsync("api/plans", boat, HubHost.Json);
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(planId, default);

        Assert.Multiple(async () =>
        {
            Assert.That(byOtherAgency.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await byOtherAgency.Content.ReadAsStringAsync(), Does.Contain("led by ncem"));
            Assert.That(byCommander.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "made from a version since replaced");
            Assert.That(await stale.Content.ReadAsStringAsync(), Does.Contain("The plan changed since you read it.").And.Contain("was changed since version 1: reload it"));
            Assert.That(withoutReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await withoutReason.Content.ReadAsStringAsync(), Does.Contain("plan.reason"));
            Assert.That(newCode.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await newCode.Content.ReadAsStringAsync(), Does.Contain("plan.code"));
            Assert.That(again.GetProperty("version").GetInt32(), Is.EqualTo(2), "the plan sent again as it stands records nothing");
            Assert.That(stream.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.PlanRecorded, EventTypes.PlanChanged }));
            Assert.That(detail.GetProperty("history")[0].GetProperty("changed").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "tasks.cd-swift-water-rescue" }));
            Assert.That(detail.GetProperty("history")[0].GetProperty("reason").GetString(), Does.StartWith("دروس فيضان"));
            Assert.That(detail.GetProperty("history")[1].GetProperty("plan").GetProperty("tasks").EnumerateArray()
                .Single(t => t.GetProperty("taskId").GetString() == "cd-swift-water-rescue").GetProperty("quantity").GetInt32(), Is.EqualTo(4), "each version whole");
            Assert.That(library.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("plan").GetProperty("code").GetString() == FloodPlan)
                .GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(notTheirs.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(entered.GetProperty("planId").GetGuid(), Is.EqualTo(PlanWriter.IdFor("boat-zuwara")), "its id derives from its code");
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await taken.Content.ReadAsStringAsync(), Does.Contain("already used by another plan"));
        });
    }

    private static async Task<long> HeadAsync(HubHost hub) => await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);
}
