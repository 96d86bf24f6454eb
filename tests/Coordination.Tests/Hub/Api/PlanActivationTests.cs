using System.Net;
using System.Net.Http.Json;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Hub.Features.Plans;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// Contingency plans wired to live incidents: a report (or an update raising the severity) that meets a plan's criteria
/// activates it in the same transaction, once, assigning each agency its tasks, which its liaisons receive live and
/// acknowledge, progress and complete; by hand, the duty office or a commander activates a plan and stands it down.
/// </summary>
[TestFixture]
public sealed class PlanActivationTests
{
    private const string FloodPlan = "flood-derna";

    private static readonly string[] DernaAgencies = ["ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna"];

    [Test]
    public async Task A_severe_Derna_flood_activates_the_flood_plan_its_liaisons_receive_their_tasks_live_and_a_completed_task_shows_on_the_commander_s_timeline()
    {
        await using var hub = await HubHost.StartFreshAsync();
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        await using var civilDefence = await hub.ConnectAsync("liaison.civil-defence");
        using var duty = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        using var civilDefenceApi = await hub.ClientForAsync("liaison.civil-defence");
        var sample = PlanSeed.Sample().Single(p => p.Code == FloodPlan);

        var report = await duty.PostOkAsync("api/incidents", SevereDernaFlood());
        var id = report.GetProperty("incidentId").GetGuid();
        var ncemSees = await ncem.WaitUntilAsync(es => Tasks(es, id).Count(t => t.Agency == "ncem") == 2);
        var civilDefenceSees = await civilDefence.WaitUntilAsync(es => Tasks(es, id).Count(t => t.Agency == "civil-defence") == 2);
        var entries = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(id, default);
        var activated = entries.Single(e => e.Type == EventTypes.PlanActivated);
        var swiftWater = Tasks(civilDefenceSees, id).Single(t => t.TaskId == "cd-swift-water-rescue");

        // Taken on over the hub, progressed and completed over REST and the .NET client.
        var taken = await ncem.Connection.InvokeAsync<CommandResponse>("AcknowledgeTask", id, FloodPlan, "ncem-operations-room", new TaskRequest(null, "الغرفة مفتوحة", null));
        await civilDefenceApi.PostOkAsync($"api/incidents/{id}/plans/{FloodPlan}/tasks/cd-swift-water-rescue/progress", new { note = "فريقان عند جسر وسط المدينة" });
        await civilDefence.CompleteTaskAsync(id, FloodPlan, "cd-swift-water-rescue", "أربعة فرق منتشرة، أُنقذ 37 شخصاً");
        var timeline = (await commander.GetOkAsync($"api/incidents/{id}")).GetProperty("timeline").EnumerateArray().ToArray();
        var commanderBoard = await commander.GetOkAsync($"api/incidents/{id}/tasks");
        var civilDefenceBoard = await civilDefenceApi.GetOkAsync($"api/incidents/{id}/tasks");

        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("version").GetInt32(), Is.EqualTo(1 + DernaAgencies.Length + 1 + sample.Tasks!.Count), "the report, its alerts, the activation and its tasks, in one transaction");
            Assert.That(entries.Select(e => e.Position), Is.EqualTo(Enumerable.Range(0, entries.Count).Select(i => entries[0].Position + i)), "one transaction: consecutive positions");
            Assert.That(activated.DataAs<PlanActivated>(), Has.Property("PlanCode").EqualTo(FloodPlan).And.Property("PlanVersion").EqualTo(1).And.Property("Trigger").EqualTo(PlanTrigger.Report));
            Assert.That(activated.Position, Is.GreaterThan(entries.Where(e => e.Type == EventTypes.AgencyAlerted).Max(e => e.Position)), "the agencies are alerted before their tasks");
            Assert.That(Tasks(entries, id).Select(t => t.Agency).Distinct(), Is.EquivalentTo(DernaAgencies));
            Assert.That(Tasks(ncemSees, id).Where(t => t.Agency == "ncem").Select(t => t.TaskId), Is.EquivalentTo(new[] { "ncem-operations-room", "ncem-evacuation-warning" }));
            Assert.That((swiftWater.Capability, swiftWater.Quantity), Is.EqualTo(("swift-water-rescue-team", (int?)4)));
            Assert.That(swiftWater.DueAt - swiftWater.AssignedAt, Is.EqualTo(TimeSpan.FromMinutes(30)));
            Assert.That(swiftWater.Checklist, Has.Count.EqualTo(3));
            Assert.That(taken.Version, Is.GreaterThan(report.GetProperty("version").GetInt32()));
            Assert.That(timeline.Select(t => t.GetProperty("type").GetString()), Does.Contain(EventTypes.TaskCompleted));
            Assert.That(timeline.Single(t => t.GetProperty("type").GetString() == EventTypes.TaskCompleted).GetProperty("summary").GetString(),
                Is.EqualTo("civil-defence: flood-derna/cd-swift-water-rescue: أربعة فرق منتشرة، أُنقذ 37 شخصاً"));
            Assert.That(commanderBoard.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString()), Is.EquivalentTo(DernaAgencies));
            Assert.That(civilDefenceBoard.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString()), Is.EqualTo(new[] { "civil-defence" }),
                "a liaison's board holds only their agency's tasks");
            var swiftOnBoard = civilDefenceBoard.GetProperty("agencies")[0].GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("taskId").GetString() == "cd-swift-water-rescue");
            Assert.That(swiftOnBoard.GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(swiftOnBoard.GetProperty("acknowledgedBy").GetString(), Is.EqualTo("liaison.civil-defence"), "progress is a task taken on");
            var operationsRoom = commanderBoard.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "ncem")
                .GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("taskId").GetString() == "ncem-operations-room");
            Assert.That(operationsRoom.GetProperty("status").GetString(), Is.EqualTo("Acknowledged"));
            Assert.That(commanderBoard.GetProperty("plans")[0].GetProperty("planVersion").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_retried_report_activates_the_plan_once_even_after_the_plan_changed()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var key = Guid.CreateVersion7();
        var body = SevereDernaFlood(key);

        var first = await duty.PostOkAsync("api/incidents", body);
        var again = await duty.PostOkAsync("api/incidents", body);
        // The plan now asks for more: the retry keeps what the report was given.
        var plan = await PlanCalls.PlanAsync(ncem, FloodPlan);
        var changed = PlanCalls.Editable(plan);
        changed["activation"]!["minimumSeverity"] = "Minor";
        changed["reason"] = "كل فيضان في درنة";
        await ncem.PutOkAsync($"api/plans/{plan.GetProperty("plan").GetProperty("planId").GetGuid()}", new { plan = changed, expectedVersion = 1 });
        var afterChange = await duty.PostOkAsync("api/incidents", body);
        var entries = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(first.GetProperty("incidentId").GetGuid(), default);

        Assert.Multiple(() =>
        {
            Assert.That(again.GetProperty("wasDuplicate").GetBoolean(), Is.True);
            Assert.That(again.GetProperty("version").GetInt32(), Is.EqualTo(first.GetProperty("version").GetInt32()), "answered as the first time, plan entries counted");
            Assert.That(afterChange.GetProperty("version").GetInt32(), Is.EqualTo(first.GetProperty("version").GetInt32()));
            Assert.That(entries.Count(e => e.Type == EventTypes.PlanActivated), Is.EqualTo(1));
            Assert.That(entries.Count(e => e.Type == EventTypes.TaskAssigned), Is.EqualTo(PlanSeed.Sample().Single().Tasks!.Count));
            Assert.That(entries, Has.Count.EqualTo(first.GetProperty("version").GetInt32()));
        });
    }

    [Test]
    public async Task An_update_raising_the_severity_activates_a_plan_once_and_a_retried_update_adds_nothing()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var commander = await hub.ClientForAsync("commander");
        var id = (await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Moderate", title = "ارتفاع منسوب وادي درنة", district = "derna" })).GetProperty("incidentId").GetGuid();
        var log = hub.Services.GetRequiredService<IEventLog>();
        var beforeRaise = await log.ReadIncidentAsync(id, default);

        var raise = new { eventId = Guid.CreateVersion7(), text = "تشققات في جسم السد الأعلى", severity = "Severe" };
        var raised = await ncem.PostOkAsync($"api/incidents/{id}/updates", raise);
        var retried = await ncem.PostOkAsync($"api/incidents/{id}/updates", raise);
        await commander.PostOkAsync($"api/incidents/{id}/updates", new { text = "انهيار السد الأعلى", severity = "Extreme" });
        await duty.PostOkAsync($"api/incidents/{id}/updates", new { text = "خفض مؤقت", severity = "Moderate" });
        await duty.PostOkAsync($"api/incidents/{id}/updates", new { text = "عاد الارتفاع", severity = "Severe" });
        var entries = await log.ReadIncidentAsync(id, default);
        var activation = entries.Single(e => e.Type == EventTypes.PlanActivated);
        var update = entries.First(e => e.Type == EventTypes.IncidentUpdated);

        Assert.Multiple(() =>
        {
            Assert.That(beforeRaise.Select(e => e.Type), Does.Not.Contain(EventTypes.PlanActivated), "a moderate flood is below the plan's minimum");
            Assert.That(activation.DataAs<PlanActivated>().Trigger, Is.EqualTo(PlanTrigger.SeverityRaised));
            Assert.That(activation.Position, Is.EqualTo(update.Position + 1), "in the update's own transaction");
            Assert.That(activation.Metadata.CausationId, Is.EqualTo(update.EventId));
            Assert.That(raised.GetProperty("version").GetInt32(), Is.EqualTo(activation.Version + PlanSeed.Sample().Single().Tasks!.Count));
            Assert.That(retried.GetProperty("wasDuplicate").GetBoolean(), Is.True);
            Assert.That(entries.Count(e => e.Type == EventTypes.TaskAssigned), Is.EqualTo(PlanSeed.Sample().Single().Tasks!.Count));
        });
    }

    [Test]
    public async Task A_running_activation_keeps_the_plan_version_it_used_and_the_next_one_uses_the_new_version()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var commander = await hub.ClientForAsync("commander");
        var before = (await duty.PostOkAsync("api/incidents", SevereDernaFlood())).GetProperty("incidentId").GetGuid();
        var plan = await ncem.PlanAsync(FloodPlan);
        var changed = PlanCalls.Editable(plan);
        changed["tasks"]!.AsArray().Single(t => t!["taskId"]!.GetValue<string>() == "cd-swift-water-rescue")!["quantity"] = 6;
        changed["reason"] = "دروس فيضان 2023: أربعة فرق لا تكفي";
        await ncem.PutOkAsync($"api/plans/{PlanCalls.PlanId(plan)}", new { plan = changed, expectedVersion = 1 });
        var after = (await duty.PostOkAsync("api/incidents", SevereDernaFlood())).GetProperty("incidentId").GetGuid();

        var log = hub.Services.GetRequiredService<IEventLog>();
        var swiftBefore = Tasks(await log.ReadIncidentAsync(before, default), before).Single(t => t.TaskId == "cd-swift-water-rescue");
        var swiftAfter = Tasks(await log.ReadIncidentAsync(after, default), after).Single(t => t.TaskId == "cd-swift-water-rescue");
        Assert.Multiple(async () =>
        {
            Assert.That(swiftBefore.Quantity, Is.EqualTo(4), "the activation made before the change keeps version 1's tasks");
            Assert.That(swiftAfter.Quantity, Is.EqualTo(6));
            Assert.That((await commander.GetOkAsync($"api/incidents/{before}/tasks")).GetProperty("plans")[0].GetProperty("planVersion").GetInt32(), Is.EqualTo(1));
            Assert.That((await commander.GetOkAsync($"api/incidents/{after}/tasks")).GetProperty("plans")[0].GetProperty("planVersion").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Only_the_agency_a_task_is_assigned_to_works_on_it_and_a_closed_task_stays_closed()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ambulance = await hub.ClientForAsync("liaison.ambulance");
        using var tripoli = await hub.ClientForAsync("liaison.security-tripoli");
        using var commander = await hub.ClientForAsync("commander");
        var id = (await duty.PostOkAsync("api/incidents", SevereDernaFlood())).GetProperty("incidentId").GetGuid();
        var task = $"api/incidents/{id}/plans/{FloodPlan}/tasks";

        using var othersTask = await ambulance.PostAsJsonAsync($"{task}/cd-swift-water-rescue/acknowledge", new { });
        using var notRouted = await tripoli.PostAsJsonAsync($"{task}/cd-swift-water-rescue/acknowledge", new { });
        using var notRoutedBoard = await tripoli.GetAsync(new Uri($"api/incidents/{id}/tasks", UriKind.Relative));
        using var byCommander = await commander.PostAsJsonAsync($"{task}/ambulance-triage/complete", new { });
        using var noSuchTask = await ambulance.PostAsJsonAsync($"{task}/ambulance-helicopter/complete", new { });
        using var noNote = await ambulance.PostAsJsonAsync($"{task}/ambulance-triage/progress", new { note = " " });
        await ambulance.PostOkAsync($"{task}/ambulance-triage/acknowledge", new { });
        using var twice = await ambulance.PostAsJsonAsync($"{task}/ambulance-triage/acknowledge", new { });
        var key = Guid.CreateVersion7();
        var completed = await ambulance.PostOkAsync($"{task}/ambulance-triage/complete", new { eventId = key });
        var retried = await ambulance.PostOkAsync($"{task}/ambulance-triage/complete", new { eventId = key });
        using var afterDone = await ambulance.PostAsJsonAsync($"{task}/ambulance-triage/progress", new { note = "مزيد" });

        Assert.Multiple(async () =>
        {
            Assert.That(othersTask.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await othersTask.Content.ReadAsStringAsync(), Does.Contain("assigned to civil-defence"));
            Assert.That(notRouted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an incident not routed to the agency does not exist for it");
            Assert.That(notRoutedBoard.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(byCommander.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(noSuchTask.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(noNote.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noNote.Content.ReadAsStringAsync(), Does.Contain("Note is required"));
            Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(retried.GetProperty("wasDuplicate").GetBoolean(), Is.True, "a retried completion is the success it was");
            Assert.That(retried.GetProperty("position").GetInt64(), Is.EqualTo(completed.GetProperty("position").GetInt64()));
            Assert.That(afterDone.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        });
    }

    [Test]
    public async Task A_commander_activates_a_plan_by_hand_once_alerting_the_agencies_it_names_and_stands_it_down_closing_its_open_tasks()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        using var duty = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        using var coastGuard = await hub.ClientForAsync("liaison.coast-guard");
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        await admin.PostOkAsync("api/plans", ZuwaraBoatPlan());
        // Below the plan's criteria: routed to the coast guard, the Red Crescent and the ambulance service only.
        var id = (await duty.PostOkAsync("api/incidents", new { hazard = "MigrationSeaRescue", severity = "Moderate", title = "قارب مهاجرين يغرق قبالة زوارة", district = "nuqat-khams" }))
            .GetProperty("incidentId").GetGuid();

        using var byLiaison = await coastGuard.PostAsJsonAsync($"api/incidents/{id}/plans", new { planCode = "boat-zuwara" });
        using var unknown = await commander.PostAsJsonAsync($"api/incidents/{id}/plans", new { planCode = "boat-atlantis" });
        await commander.PostOkAsync($"api/incidents/{id}/plans", new { planCode = "boat-zuwara", reason = "بلاغات عن قارب ثانٍ" });
        using var again = await commander.PostAsJsonAsync($"api/incidents/{id}/plans", new { planCode = "boat-zuwara" });
        var ncemTask = await ncem.WaitUntilAsync(es => Tasks(es, id).Any());
        await coastGuard.PostOkAsync($"api/incidents/{id}/plans/boat-zuwara/tasks/cg-search/complete", new { note = "انتُشل 41 شخصاً" });
        using var noReason = await duty.PostAsJsonAsync($"api/incidents/{id}/plans/boat-zuwara/stand-down", new { });
        await duty.PostOkAsync($"api/incidents/{id}/plans/boat-zuwara/stand-down", new { reason = "انتهت عمليات البحث" });
        using var twice = await duty.PostAsJsonAsync($"api/incidents/{id}/plans/boat-zuwara/stand-down", new { reason = "مرة أخرى" });
        using var onStoodDown = await coastGuard.PostAsJsonAsync($"api/incidents/{id}/plans/boat-zuwara/tasks/cg-landing/acknowledge", new { });
        var entries = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(id, default);
        var board = await commander.GetOkAsync($"api/incidents/{id}/tasks");
        var statuses = board.GetProperty("agencies").EnumerateArray().SelectMany(a => a.GetProperty("tasks").EnumerateArray())
            .ToDictionary(t => t.GetProperty("taskId").GetString()!, t => t.GetProperty("status").GetString());

        Assert.Multiple(() =>
        {
            Assert.That(byLiaison.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            var activated = entries.Single(e => e.Type == EventTypes.PlanActivated);
            Assert.That(activated.DataAs<PlanActivated>(), Has.Property("Trigger").EqualTo(PlanTrigger.Manual).And.Property("ActivatedBy").EqualTo("commander"));
            Assert.That(activated.DataAs<PlanActivated>().Reason, Is.EqualTo("بلاغات عن قارب ثانٍ"));
            var planAlert = entries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>()).Single(a => a.Agency == "ncem");
            Assert.That(planAlert.RuleId, Is.EqualTo("plan:boat-zuwara"), "NCEM, named by the plan only, is alerted by it");
            Assert.That(Tasks(ncemTask, id).Select(t => t.TaskId), Does.Contain("ncem-coordination"), "and receives its task live");
            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(onStoodDown.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            var stoodDown = entries.Single(e => e.Type == EventTypes.PlanStoodDown).DataAs<PlanStoodDown>();
            Assert.That(stoodDown.ClosedTasks, Is.EquivalentTo(new[] { "cg-landing", "rc-first-aid", "ncem-coordination" }));
            Assert.That(statuses, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["cg-search"] = "Completed", ["cg-landing"] = "StoodDown", ["rc-first-aid"] = "StoodDown", ["ncem-coordination"] = "StoodDown",
            }));
            Assert.That(board.GetProperty("plans")[0].GetProperty("standDownReason").GetString(), Is.EqualTo("انتهت عمليات البحث"));
        });
    }

    [Test]
    public async Task On_a_restricted_incident_a_plan_assigns_tasks_only_to_the_cleared_agencies_and_alerts_nobody_more()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        var id = (await duty.PostOkAsync("api/incidents", new
        {
            hazard = "Flood", severity = "Extreme", title = "تهديد مؤكد لسد وادي درنة", district = "derna", classification = "Restricted", clearedAgencies = new[] { "ncem", "civil-defence" },
        })).GetProperty("incidentId").GetGuid();
        var entries = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(id, default);
        var activated = entries.Single(e => e.Type == EventTypes.PlanActivated).DataAs<PlanActivated>();

        Assert.Multiple(() =>
        {
            Assert.That(entries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>().Agency), Is.EquivalentTo(new[] { "ncem", "civil-defence" }));
            Assert.That(Tasks(entries, id).Select(t => t.Agency).Distinct(), Is.EquivalentTo(new[] { "ncem", "civil-defence" }));
            Assert.That(activated.WithheldTasks, Is.EquivalentTo(new[] { "ambulance-triage", "red-crescent-shelter", "municipality-roads", "security-cordon" }));
        });
    }

    internal static object SevereDernaFlood(Guid? eventId = null) => new
    {
        eventId,
        hazard = "Flood",
        severity = "Severe",
        urgency = "Immediate",
        certainty = "Observed",
        title = "فيضان في درنة: السيول تجتاح وسط المدينة",
        district = "derna",
    };

    internal static IReadOnlyList<TaskAssigned> Tasks(IEnumerable<LogEntry> entries, Guid incidentId) =>
        [.. entries.Where(e => e.Type == EventTypes.TaskAssigned && e.IncidentId == incidentId).Select(e => e.DataAs<TaskAssigned>())];

    private static object ZuwaraBoatPlan() => new
    {
        code = "boat-zuwara",
        titleAr = "خطة غرق قوارب المهاجرين قبالة زوارة",
        titleEn = "Migrant boat sinking off Zuwara",
        leadAgency = "coast-guard",
        risks = new[] { "sea-rescue-zuwara" },
        activation = new { hazards = new[] { "MigrationSeaRescue" }, minimumSeverity = "Extreme", districts = new[] { "nuqat-khams" } },
        alsoAlert = new[] { "ncem" },
        tasks = new object[]
        {
            Task("cg-search", "coast-guard", "البحث والإنقاذ في البحر", "Search and rescue at sea", 30, "rescue-boat", 3),
            Task("cg-landing", "coast-guard", "تأمين نقطة الإنزال في الميناء", "Secure the landing point in the port", 60, null, null),
            Task("rc-first-aid", "red-crescent", "إسعافات أولية وبطانيات عند الإنزال", "First aid and blankets at the landing", 60, "first-aid-team", 2),
            Task("ncem-coordination", "ncem", "تنسيق المستشفيات ومراكز الإيواء", "Coordinate hospitals and shelters", 90, null, null),
        },
        reason = "خطة المنطقة الغربية",
    };

    private static object Task(string id, string agency, string titleAr, string titleEn, int due, string? capability, int? quantity) => new
    {
        taskId = id,
        agency,
        titleAr,
        titleEn,
        dueAfterMinutes = due,
        checklist = new[] { new { textAr = "إبلاغ غرفة العمليات", textEn = "Tell the operations room" } },
        capability,
        quantity,
    };
}
