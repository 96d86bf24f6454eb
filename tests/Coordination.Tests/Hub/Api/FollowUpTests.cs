using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Apis;
using Coordination.Hub.Features.FollowUp;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The joint committee's follow-up: improvement items recorded, completed by their owner agency and alerted to it live
/// (and to no other agency) once overdue, as overdue reviews are; coordination meetings whose action items become
/// items; and the next meeting's agenda built from open items, reviews due and overdue tasks.
/// </summary>
[TestFixture]
public sealed class FollowUpTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        // The scan is driven by the test itself (ScanAsync), never by waiting for its timer.
        ["Coordination:Escalation:ScanInterval"] = "30.00:00:00",
        ["Coordination:Escalation:ReviewStepInterval"] = "00:10:00",
        ["Coordination:Escalation:ReminderAfter"] = "1.00:00:00",
    };

    [Test]
    public async Task An_item_reaches_its_owner_agency_live_its_overdue_alert_once_and_nobody_else_and_only_its_own_agency_completes_it()
    {
        var clock = JustAfterMidnight();
        var today = Today(clock);
        await using var hub = await HubHost.StartFreshAsync(Settings, clock);
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        await using var civilDefence = await hub.ConnectAsync("liaison.civil-defence");
        await using var commander = await hub.ConnectAsync("commander");
        using var duty = await hub.ClientForAsync("duty.operator");
        using var civilDefenceApi = await hub.ClientForAsync("liaison.civil-defence");

        var itemId = (await duty.PostOkAsync("api/improvements", new
        {
            actionAr = "تحديث قائمة أرقام الطوارئ لغرف العمليات",
            actionEn = "Update the operations rooms' emergency numbers list",
            ownerAgency = "ncem",
            dueDate = today.AddDays(-1),
        })).GetProperty("itemId").GetGuid();
        var recorded = await ncem.WaitForAsync(e => e.IncidentId == itemId && e.Type == EventTypes.ImprovementItemRecorded, Wait);

        // The scan finds it overdue: NCEM's liaison is told live, and the commander; a second scan adds nothing.
        var firstScan = await hub.ScanEscalationsAsync();
        var overdue = await ncem.WaitForAsync(e => e.IncidentId == itemId && e.Type == EventTypes.ImprovementItemOverdue, Wait);
        await commander.WaitForAsync(e => e.IncidentId == itemId && e.Type == EventTypes.ImprovementItemOverdue, Wait);
        var secondScan = await hub.ScanEscalationsAsync();

        // Civil defence's liaison may not complete NCEM's item, in either language, and nothing is written.
        var head = await HeadAsync(hub);
        using var refusedEn = await Post(civilDefenceApi, $"api/improvements/{itemId}/complete", new { note = "x" }, "en");
        using var refusedAr = await Post(civilDefenceApi, $"api/improvements/{itemId}/complete", new { note = "x" }, "ar");
        var headAfterRefusals = await HeadAsync(hub);

        // A later entry civil defence does see (a Derna flood alerts it): by then it has been pushed nothing of NCEM's item.
        var flood = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await civilDefence.WaitForAsync(e => e.IncidentId == flood && e.Type == EventTypes.AgencyAlerted, Wait);
        var civilDefenceGot = civilDefence.Received.Where(e => e.IncidentId == itemId).ToArray();

        // A step interval later, the reminder; then NCEM completes it over the hub, which ends the alerting.
        clock.Advance(TimeSpan.FromMinutes(10));
        await hub.ScanEscalationsAsync();
        await ncem.WaitForAsync(e => e.IncidentId == itemId && e.Type == EventTypes.ImprovementItemReminderSent, Wait);
        var completed = await ncem.Connection.InvokeAsync<CompleteImprovementItem.Saved>("CompleteImprovementItem", itemId,
            new FollowUpApi.CompleteItemRequest("حُدّثت القائمة ووزعت على الغرف"));
        await ncem.WaitForAsync(e => e.IncidentId == itemId && e.Type == EventTypes.ImprovementItemCompleted, Wait);
        clock.Advance(TimeSpan.FromMinutes(60));
        await hub.ScanEscalationsAsync();

        // Signed in again: the clock has moved past the first sessions' tokens.
        using var dutyAgain = await hub.ClientForAsync("duty.operator");
        using var civilDefenceAgain = await hub.ClientForAsync("liaison.civil-defence");
        using var again = await Post(dutyAgain, $"api/improvements/{itemId}/due-date", new { dueDate = today.AddDays(7), reason = "تأجيل" });
        var detail = await civilDefenceAgain.GetOkAsync($"api/improvements/{itemId}");
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(itemId, default);

        Assert.Multiple(async () =>
        {
            Assert.That(recorded.DataAs<ImprovementItemRecorded>().Item.OwnerAgency, Is.EqualTo("ncem"));
            Assert.That(firstScan, Is.EqualTo(1));
            Assert.That(secondScan, Is.Zero, "alerted once");
            Assert.That(overdue.DataAs<ImprovementItemOverdue>().DueDate, Is.EqualTo(today.AddDays(-1)));
            Assert.That(overdue.DataAs<ImprovementItemOverdue>().DueAt, Is.EqualTo(new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
            Assert.That(civilDefenceGot, Is.Empty, "another agency is pushed nothing of the item");
            Assert.That((await civilDefenceAgain.ReadLogAsync()).Any(e => e.IncidentId == itemId), Is.False, "nor does it catch up on it");
            Assert.That((await ncemCatchUp(hub)).Count(e => e.IncidentId == itemId), Is.EqualTo(stream.Count), "the owner agency catches up on the whole item");
            Assert.That(refusedEn.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await refusedEn.Content.ReadAsStringAsync(), Does.Contain("only its liaisons and administrators complete it"));
            Assert.That(refusedAr.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await refusedAr.Content.ReadAsStringAsync(), Does.Contain("لا يُنجزه إلا ضباط اتصالها"));
            Assert.That(headAfterRefusals, Is.EqualTo(head), "nothing written by a refusal");
            Assert.That(completed.ItemId, Is.EqualTo(itemId));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a done item gets no new date");
            Assert.That(stream.Select(e => e.Type), Is.EqualTo(new[]
            {
                EventTypes.ImprovementItemRecorded, EventTypes.ImprovementItemOverdue, EventTypes.ImprovementItemReminderSent, EventTypes.ImprovementItemCompleted,
            }), "once done, past every step the date would have had: no escalation");
            Assert.That(detail.GetProperty("current").GetProperty("status").GetString(), Is.EqualTo("Done"));
            Assert.That(detail.GetProperty("current").GetProperty("note").GetString(), Is.EqualTo("حُدّثت القائمة ووزعت على الغرف"));
            Assert.That(detail.GetProperty("current").GetProperty("completedBy").GetString(), Is.EqualTo("liaison.ncem"));
            Assert.That(detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("by").GetString()),
                Is.EqualTo(new[] { "duty.operator", "escalation", "escalation", "liaison.ncem" }));
        });

        async Task<IReadOnlyList<LogEntry>> ncemCatchUp(HubHost host)
        {
            using var api = await host.ClientForAsync("liaison.ncem");
            return await api.ReadLogAsync();
        }
    }

    [Test]
    public async Task Completing_an_item_waits_out_its_overdue_steps_appended_while_it_writes()
    {
        var scan = new ScanAhead();
        var clock = JustAfterMidnight();
        await using var hub = await HubHost.StartFreshAsync(Settings, clock, scan.Decorate);
        using var commander = await hub.ClientForAsync("commander");
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        var item = Item("ncem", Today(clock).AddDays(-3));
        var itemId = (await commander.PostOkAsync("api/improvements", item)).GetProperty("itemId").GetGuid();

        // The scan wins the race to the item's stream five times running: its alert, reminder and three escalations land
        // between the completion's read of the stream and each of its appends, as one scan of a long-overdue item appends them.
        scan.Arm(itemId, ScanAhead.ItemSteps(itemId, item.ownerAgency, item.actionAr, item.actionEn, item.dueDate));
        using var completed = await Post(ncemApi, $"api/improvements/{itemId}/complete", new { note = "راجعنا الإجراءات مع المركز" });
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(itemId, default);

        Assert.Multiple(async () =>
        {
            Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await completed.Content.ReadAsStringAsync());
            Assert.That(stream.Select(e => e.Type), Is.EqualTo(new[]
            {
                EventTypes.ImprovementItemRecorded, EventTypes.ImprovementItemOverdue, EventTypes.ImprovementItemReminderSent,
                EventTypes.ImprovementItemEscalated, EventTypes.ImprovementItemEscalated, EventTypes.ImprovementItemEscalated, EventTypes.ImprovementItemCompleted,
            }), "the scan's five steps came first, then the completion");
        });
    }

    [Test]
    public async Task A_change_to_an_item_that_keeps_changing_through_every_attempt_is_a_409_naming_the_item_with_nothing_of_it_stored()
    {
        var scan = new ScanAhead();
        var clock = JustAfterMidnight();
        await using var hub = await HubHost.StartFreshAsync(Settings, clock, scan.Decorate);
        using var commander = await hub.ClientForAsync("commander");
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        var due = Today(clock).AddDays(30);
        var itemId = (await commander.PostOkAsync("api/improvements", Item("ncem", due))).GetProperty("itemId").GetGuid();

        // Someone else moves the due date before each of the completion's appends, as often as it tries.
        scan.Arm(itemId, Enumerable.Range(0, OverdueSteps.ChangeAttempts).Select(day => SampleEvents.ItemRescheduled(itemId, "ncem", due.AddDays(day))));
        using var completed = await Post(ncemApi, $"api/improvements/{itemId}/complete", new { note = "راجعنا الإجراءات مع المركز" }, "ar");
        var body = await completed.Content.ReadAsStringAsync();
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(itemId, default);

        Assert.Multiple(() =>
        {
            Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body);
            Assert.That(body, Does.Contain("بند التحسين").And.Contain(itemId.ToString()), "named as the improvement item");
            Assert.That(body, Does.Not.Contain("البلاغ"), "not as an incident");
            Assert.That(stream.Select(e => e.Type), Has.No.Member(EventTypes.ImprovementItemCompleted), "nothing of the completion stored");
            Assert.That(stream, Has.Count.EqualTo(1 + OverdueSteps.ChangeAttempts), "the item and the other changes");
        });
    }

    [Test]
    public async Task A_new_due_date_needs_a_reason_and_starts_the_alerting_afresh()
    {
        var clock = JustAfterMidnight();
        var today = Today(clock);
        await using var hub = await HubHost.StartFreshAsync(Settings, clock);
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        using var commander = await hub.ClientForAsync("commander");
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        var itemId = (await commander.PostOkAsync("api/improvements", Item("ncem", today.AddDays(-1)))).GetProperty("itemId").GetGuid();
        await hub.ScanEscalationsAsync();
        await ncem.WaitForAsync(e => e.IncidentId == itemId && e.Type == EventTypes.ImprovementItemOverdue, Wait);

        var head = await HeadAsync(hub);
        using var noReason = await Post(commander, $"api/improvements/{itemId}/due-date", new { dueDate = today.AddDays(14) });
        using var past = await Post(commander, $"api/improvements/{itemId}/due-date", new { dueDate = today.AddDays(-2), reason = "x" });
        using var byLiaison = await Post(ncemApi, $"api/improvements/{itemId}/due-date", new { dueDate = today.AddDays(14), reason = "x" });
        var headAfterRefusals = await HeadAsync(hub);

        // Moved to today: overdue again from tomorrow, so from its own new date, alerted afresh.
        await commander.PostOkAsync($"api/improvements/{itemId}/due-date", new { dueDate = today, reason = "انتظار اعتماد الميزانية" });
        var notYet = await hub.ScanEscalationsAsync();
        clock.Advance(TimeSpan.FromDays(1));
        var dueNow = await hub.ScanEscalationsAsync();
        var alerts = (await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(itemId, default))
            .Where(e => e.Type == EventTypes.ImprovementItemOverdue).Select(e => e.DataAs<ImprovementItemOverdue>().DueDate);

        Assert.Multiple(async () =>
        {
            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Errors(noReason), Does.ContainKey("reason"));
            Assert.That(past.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await Errors(past), Does.ContainKey("duedate"));
            Assert.That(byLiaison.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(headAfterRefusals, Is.EqualTo(head));
            Assert.That(notYet, Is.Zero, "not overdue until its new date passes");
            Assert.That(dueNow, Is.EqualTo(1), "a day on, the alert for the new date");
            Assert.That(alerts, Is.EqualTo(new[] { today.AddDays(-1), today }));
        });
    }

    [Test]
    public async Task A_meeting_records_its_decisions_and_its_action_items_become_items_of_their_owner_agencies_once()
    {
        await using var hub = await HubHost.StartFreshAsync();
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        await using var civilDefence = await hub.ConnectAsync("liaison.civil-defence");
        using var commander = await hub.ClientForAsync("commander");
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var eventId = Guid.CreateVersion7();
        var meeting = new
        {
            heldOn = today,
            agencies = new[] { "moi-duty", "ncem", "civil-defence" },
            decisions = new[] { new { textAr = "اعتماد خطة الإخلاء المحدثة لدرنة", textEn = "The updated Derna evacuation plan is adopted" } },
            actions = new[]
            {
                new { actionAr = "تدريب فرق الإنذار المبكر", actionEn = "Train the early-warning teams", ownerAgency = "ncem", dueDate = today.AddDays(30) },
                new { actionAr = "جرد قوارب الإنقاذ", actionEn = "Inventory the rescue boats", ownerAgency = "civil-defence", dueDate = today.AddDays(14) },
            },
            eventId,
        };

        var saved = await commander.PostOkAsync("api/meetings", meeting);
        var meetingId = saved.GetProperty("meetingId").GetGuid();
        var items = saved.GetProperty("actionItems").EnumerateArray().Select(i => i.GetGuid()).ToArray();
        await ncem.WaitForAsync(e => e.IncidentId == items[0] && e.Type == EventTypes.ImprovementItemRecorded, Wait);
        await civilDefence.WaitForAsync(e => e.IncidentId == items[1] && e.Type == EventTypes.ImprovementItemRecorded, Wait);
        var head = await HeadAsync(hub);
        var resent = await commander.PostOkAsync("api/meetings", meeting);
        var headAfterResend = await HeadAsync(hub);
        var detail = await ncemApi.GetOkAsync($"api/meetings/{meetingId}");
        var fromMeeting = await ncemApi.GetOkAsync($"api/improvements?sourceId={meetingId}");
        var ncemsOpen = await ncemApi.GetOkAsync($"api/improvements?ownerAgency=ncem&status=Open&source=Meeting");
        var listed = await ncemApi.GetOkAsync("api/meetings");

        Assert.Multiple(() =>
        {
            Assert.That(meetingId, Is.EqualTo(Coordination.Dispatch.Routing.DerivedEventId.Create(eventId, "meeting")), "the meeting's id derives from its idempotency key");
            Assert.That(resent.GetProperty("actionItems").EnumerateArray().Select(i => i.GetGuid()), Is.EqualTo(items), "resent: the same items");
            Assert.That(headAfterResend, Is.EqualTo(head), "resent: nothing written twice");
            Assert.That(detail.GetProperty("meeting").GetProperty("meeting").GetProperty("decisions")[0].GetProperty("textEn").GetString(), Is.EqualTo("The updated Derna evacuation plan is adopted"));
            Assert.That(detail.GetProperty("meeting").GetProperty("meeting").GetProperty("agencies").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "moi-duty", "ncem", "civil-defence" }));
            Assert.That(detail.GetProperty("actionItems").EnumerateArray().Select(i => (i.GetProperty("ownerAgency").GetString(), i.GetProperty("source").GetString(), i.GetProperty("status").GetString())),
                Is.EqualTo(new[] { ("ncem", "Meeting", "Open"), ("civil-defence", "Meeting", "Open") }));
            Assert.That(fromMeeting.EnumerateArray().Select(i => i.GetProperty("itemId").GetGuid()), Is.EquivalentTo(items));
            Assert.That(ncemsOpen.EnumerateArray().Select(i => i.GetProperty("itemId").GetGuid()), Is.EqualTo(new[] { items[0] }));
            Assert.That(listed.EnumerateArray().Select(m => m.GetProperty("meeting").GetProperty("meetingId").GetGuid()), Is.EqualTo(new[] { meetingId }));
            Assert.That(ncem.Received.Any(e => e.IncidentId == items[1]), Is.False, "civil defence's action item is not pushed to NCEM");
        });
    }

    [Test]
    public async Task The_agenda_holds_the_open_items_overdue_first_the_reviews_due_and_the_overdue_tasks_and_the_list_filters_by_exercise()
    {
        var clock = JustAfterMidnight();
        var today = Today(clock);
        await using var hub = await HubHost.StartFreshAsync(Settings, clock);
        using var duty = await hub.ClientForAsync("duty.operator");
        using var admin = await hub.ClientForAsync("admin");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var commander = await hub.ClientForAsync("commander");
        // A real exercise: its after-action's improvement plan is found by its id (and its own tasks are no real operations').
        var exercise = (await commander.PostOkAsync("api/exercises", new { scenario = "medicane-derna", speed = 1, participants = new[] { "municipality-derna" } }))
            .GetProperty("exerciseId").GetGuid();
        var later = (await duty.PostOkAsync("api/improvements", Item("civil-defence", today.AddDays(5)))).GetProperty("itemId").GetGuid();
        var overdueItem = (await duty.PostOkAsync("api/improvements", Item("ncem", today.AddDays(-3)) with { source = "Exercise", sourceId = (Guid?)exercise })).GetProperty("itemId").GetGuid();
        var done = (await duty.PostOkAsync("api/improvements", Item("civil-defence", today.AddDays(-1)))).GetProperty("itemId").GetGuid();
        await civilDefence.PostOkAsync($"api/improvements/{done}/complete", new { note = "أُنجز" });
        await admin.PostOkAsync("api/register", Risk("agenda-overdue", today.AddDays(-2)));
        await admin.PostOkAsync("api/register", Risk("agenda-soon", today.AddDays(10)));
        await admin.PostOkAsync("api/register", Risk("agenda-later", today.AddDays(90)));

        // A severe Derna flood puts the flood plan's tasks on the board; 25 minutes on, those due within 20 are overdue.
        var flood = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var board = await duty.GetOkAsync($"api/incidents/{flood}/tasks");
        var tasks = board.GetProperty("agencies").EnumerateArray().SelectMany(a => a.GetProperty("tasks").EnumerateArray())
            .Select(t => (Task: t.GetProperty("taskId").GetString()!, Due: t.GetProperty("dueAt").GetDateTimeOffset())).ToArray();
        clock.Advance(TimeSpan.FromMinutes(25));
        var agenda = await duty.GetOkAsync("api/meetings/agenda");
        var fromExercise = await civilDefence.GetOkAsync($"api/improvements?sourceId={exercise}");
        var overdueOnly = await civilDefence.GetOkAsync("api/improvements?overdue=true");
        using var liaisonAgenda = await civilDefence.GetAsync(new Uri("api/meetings/agenda", UriKind.Relative));
        using var badDays = await duty.GetAsync(new Uri("api/meetings/agenda?days=1000", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(agenda.GetProperty("openItems").EnumerateArray().Select(i => (i.GetProperty("itemId").GetGuid(), i.GetProperty("overdue").GetBoolean())),
                Is.EqualTo(new[] { (overdueItem, true), (later, false) }), "open items, overdue first; the done one is not on the agenda");
            Assert.That(agenda.GetProperty("reviewsDue").EnumerateArray().Select(r => r.GetProperty("risk").GetProperty("code").GetString()),
                Is.EqualTo(new[] { "agenda-overdue", "agenda-soon" }), "reviews overdue or due within 30 days; the sample register is nobody's duty");
            Assert.That(agenda.GetProperty("overdueTasks").EnumerateArray().Select(t => t.GetProperty("taskId").GetString()),
                Is.EquivalentTo(tasks.Where(t => t.Due <= clock.GetUtcNow()).Select(t => t.Task)));
            Assert.That(tasks.Count(t => t.Due <= clock.GetUtcNow()), Is.InRange(1, tasks.Length - 1), "some tasks overdue, some not");
            Assert.That(agenda.GetProperty("overdueTasks").EnumerateArray().All(t => t.GetProperty("incidentId").GetGuid() == flood), Is.True);
            Assert.That(fromExercise.EnumerateArray().Select(i => (i.GetProperty("itemId").GetGuid(), i.GetProperty("source").GetString())), Is.EqualTo(new[] { (overdueItem, "Exercise") }));
            Assert.That(overdueOnly.EnumerateArray().Select(i => i.GetProperty("itemId").GetGuid()), Is.EqualTo(new[] { overdueItem }));
            Assert.That(liaisonAgenda.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(badDays.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task Bad_items_and_meetings_are_refused_naming_each_field_and_nothing_is_written()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var commander = await hub.ClientForAsync("commander");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var head = await HeadAsync(hub);

        using var missing = await Post(commander, "api/improvements", new { actionAr = "x", ownerAgency = "atlantis", dueDate = today.AddYears(9) });
        using var hidden = await Post(commander, "api/improvements", Item("ncem", today) with { actionAr = "تدريب\u202Eالفرق" });
        using var noSource = await Post(commander, "api/improvements", Item("ncem", today) with { source = "Exercise" });
        using var noMeeting = await Post(commander, "api/improvements", Item("ncem", today) with { source = "Meeting", sourceId = (Guid?)Guid.NewGuid() }, "ar");
        using var noExercise = await Post(commander, "api/improvements", Item("ncem", today) with { source = "Exercise", sourceId = (Guid?)Guid.NewGuid() });
        using var wrongType = await Post(commander, "api/improvements", new { actionAr = "x", actionEn = "x", ownerAgency = "ncem", dueDate = 20270101 });
        using var byLiaison = await Post(ncem, "api/improvements", Item("ncem", today));
        using var badMeeting = await Post(commander, "api/meetings", new
        {
            heldOn = today.AddDays(3),
            agencies = new[] { "ncem", "atlantis" },
            decisions = new[] { new { textAr = "قرار", textEn = "" } },
            actions = new[] { new { actionAr = "x", actionEn = "x", ownerAgency = "nobody", dueDate = today } },
        });
        using var emptyMeeting = await Post(commander, "api/meetings", new { heldOn = today, agencies = Array.Empty<string>() });
        using var nullDecision = await Post(commander, "api/meetings", new { heldOn = today, agencies = new[] { "ncem" }, decisions = new object?[] { null } });
        using var admin = await hub.ClientForAsync("admin");
        using var unknownItem = await Post(admin, $"api/improvements/{Guid.NewGuid()}/complete", new { note = "x" });
        using var unknownMeeting = await commander.GetAsync(new Uri($"api/meetings/{Guid.NewGuid()}", UriKind.Relative));
        using var badStatus = await commander.GetAsync(new Uri("api/improvements?status=Maybe", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            foreach (var response in new[] { missing, hidden, noSource, noMeeting, noExercise, wrongType, badMeeting, emptyMeeting, nullDecision, badStatus })
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
            }

            Assert.That((await Errors(missing)).Keys, Is.EquivalentTo(new[] { "actionen", "owneragency", "duedate" }));
            Assert.That((await Errors(hidden)).Keys, Is.EqualTo(new[] { "actionar" }));
            Assert.That((await Errors(noSource)).Keys, Is.EqualTo(new[] { "sourceid" }));
            Assert.That((await Errors(noMeeting))["sourceid"], Does.Contain("اجتماع"), "in the caller's language");
            Assert.That((await Errors(noExercise))["sourceid"], Does.Contain("exercise"));
            Assert.That((await Errors(badMeeting)).Keys, Is.EquivalentTo(new[] { "heldon", "agencies[1]", "decisions[0].texten", "actions[0].owneragency" }));
            // Named as the request's JSON names them, each step camel-cased, as the README promises.
            Assert.That(await FieldNames(badMeeting), Is.EquivalentTo(new[] { "heldOn", "agencies[1]", "decisions[0].textEn", "actions[0].ownerAgency" }));
            Assert.That((await Errors(emptyMeeting)).Keys, Is.EqualTo(new[] { "agencies" }));
            Assert.That(await FieldNames(nullDecision), Is.EqualTo(new[] { "decisions[0]" }), "a null decision is refused, not a fault");
            Assert.That(byLiaison.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unknownItem.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownMeeting.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written");
        });
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private sealed record ItemBody(string actionAr, string actionEn, string ownerAgency, DateOnly dueDate, string? source = null, Guid? sourceId = null);

    private static ItemBody Item(string owner, DateOnly due) => new("مراجعة إجراءات الإنذار المبكر", "Review the early-warning procedures", owner, due);

    private static RiskRequest Risk(string code, DateOnly nextReview) =>
        RegisterSeed.Sample().Single(r => r.Code == "sea-rescue-zuwara") with { Code = code, NextReview = nextReview, Reason = null };

    // Items fall due at midnight (UTC): the clock starts just after, so an item due yesterday is overdue from the start.
    private static FakeTimeProvider JustAfterMidnight() => new(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddSeconds(30));

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);


    private static async Task<long> HeadAsync(HubHost hub) => await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: HubHost.Json) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await client.SendAsync(request);
    }

    // Field names exactly as the refusal gives them.
    private static async Task<string[]> FieldNames(HttpResponseMessage response) =>
        [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];

    // Field names as the refusal gives them, lower-cased: what matters is which fields are named.
    private static async Task<Dictionary<string, string>> Errors(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name.ToLower(CultureInfo.InvariantCulture), e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
}
