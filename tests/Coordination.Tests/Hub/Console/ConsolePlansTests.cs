using System.Globalization;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Contingency plans in a real browser, on a hub of its own (these tests change the sample plan): a severe Derna flood
/// activates the flood plan and NCEM's liaison works their task on the incident's board (acknowledge, progress with a
/// note, complete) while the commander's timeline shows each step live; the duty office stands a plan down (refused
/// first without a reason) and activates one by hand; the library, a plan's page and the editor, whose refusals stand
/// beside the task and field they name; each screen axe-clean in Arabic and in English.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsolePlansTests : ConsoleFixture
{
    private const string Plan = "flood-derna";

    [Test]
    [Order(1)]
    public async Task NCEM_s_liaison_acknowledges_progresses_and_completes_their_task_on_the_board_and_the_commander_s_timeline_shows_each_step_live()
    {
        var commander = await Browser.SignInAsync("commander");
        var ncem = await Browser.SignInAsync("liaison.ncem");
        var title = $"سيول في درنة {Guid.NewGuid():N}"[..22];
        using (var duty = await Hub.ClientForAsync("duty.operator"))
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title));
        }

        var alert = ncem.Locator("#inbox li.alert", new() { HasText = title });
        await alert.Locator("button.open-detail").ClickAsync();
        var board = ncem.Locator("#detail-tasks");
        await Expect(board).ToBeVisibleAsync();
        await Expect(board.Locator($"li.plan-activation[data-plan='{Plan}']")).ToContainTextAsync("فُعّلت بالبلاغ");
        // A liaison sees only their own agency's tasks.
        await Expect(board.Locator("section.agency-tasks")).ToHaveCountAsync(1);
        await Expect(board.Locator("section.agency-tasks")).ToHaveAttributeAsync("data-agency", "ncem");
        var task = board.Locator("li.task[data-task='ncem-operations-room']");
        await Expect(task).ToHaveAttributeAsync("data-status", "Assigned");
        await Expect(task.Locator(".task-status")).ToHaveTextAsync("مُسندة");
        await task.Locator("details.checklist summary").ClickAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(ncem, "a liaison's task board");

        await task.Locator("button[data-action='acknowledge']").ClickAsync();
        await Expect(task).ToHaveAttributeAsync("data-status", "Acknowledged");
        var ackLine = commander.Locator("#shared-timeline li[data-type='TaskAcknowledged']", new() { HasText = "ncem-operations-room" });
        await Expect(ackLine).ToHaveCountAsync(1);

        // Progress needs a note: refused beside the task in Arabic, then stored with one.
        await task.Locator("button[data-action='progress']").ClickAsync();
        await Expect(task.Locator(".field-error")).Not.ToBeEmptyAsync();
        await Expect(task).ToHaveAttributeAsync("data-status", "Acknowledged");
        var note = "الغرفة تعمل على مدار الساعة";
        await task.Locator("input").FillAsync(note);
        await task.Locator("button[data-action='progress']").ClickAsync();
        await Expect(task).ToHaveAttributeAsync("data-status", "InProgress");
        await Expect(task.Locator(".task-note")).ToContainTextAsync(note);
        await Expect(commander.Locator("#shared-timeline li[data-type='TaskProgressed']", new() { HasText = note })).ToHaveCountAsync(1);
        await ConsoleBrowser.ScreenshotAsync(board, "incident-tasks-ar");

        await task.Locator("button[data-action='complete']").ClickAsync();
        await Expect(task).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(task.Locator(".task-status")).ToHaveTextAsync("منجزة");
        await Expect(task.Locator("button")).ToHaveCountAsync(0);
        await Expect(commander.Locator("#shared-timeline li[data-type='TaskCompleted']", new() { HasText = "ncem-operations-room" })).ToHaveCountAsync(1);

        // The commander's panel on the incident shows every agency's tasks, NCEM's done, live.
        await commander.Locator("#shared-timeline li[data-type='TaskCompleted'] button").First.ClickAsync();
        var all = commander.Locator("#detail-tasks section.agency-tasks");
        await Expect(all).ToHaveCountAsync(6);
        await Expect(commander.Locator("#detail-tasks li.task[data-task='ncem-operations-room']")).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(commander.Locator("#detail-tasks li.task[data-task='cd-swift-water-rescue']")).ToHaveAttributeAsync("data-status", "Assigned");
        await Expect(commander.Locator("#detail-tasks li.task button")).ToHaveCountAsync(0);
        await ConsoleBrowser.ScreenshotAsync(commander.Locator("#detail-tasks"), "incident-tasks-commander-ar");
        await ncem.Context.CloseAsync();
        await commander.Context.CloseAsync();
    }

    [TestCase("ar")]
    [TestCase("en")]
    public async Task The_duty_office_stands_a_plan_down_with_a_reason_and_activates_one_by_hand_on_an_incident_that_did_not_meet_it(string language)
    {
        var page = await Browser.SignInAsync("duty.operator", language);
        var severe = $"Derna flood {Guid.NewGuid():N}"[..20];
        var moderate = $"Derna rain {Guid.NewGuid():N}"[..20];
        using (var duty = await Hub.ClientForAsync("duty.operator"))
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(severe));
            await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Moderate", title = moderate, district = "derna" });
        }

        await page.Locator("#operator-board tr", new() { HasText = severe }).Locator("button").First.ClickAsync();
        var activation = page.Locator($"#detail-tasks li.plan-activation[data-plan='{Plan}']");
        await Expect(activation).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-tasks section.agency-tasks")).ToHaveCountAsync(6);
        var tasks = await page.Locator("#detail-tasks li.task").CountAsync();
        Assert.That(tasks, Is.GreaterThanOrEqualTo(8), "the sample plan's eight tasks (and any the editor's test added)");
        // The plan is active already: nothing is offered to activate by hand.
        await Expect(page.Locator("#activate-form")).ToBeHiddenAsync();

        await activation.Locator("button[type='submit']").ClickAsync();
        await Expect(page.Locator($"#err-standdown-{Plan}")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#detail-tasks li.task[data-status='StoodDown']")).ToHaveCountAsync(0);
        var reason = language == "ar" ? "انحسرت المياه" : "The water receded";
        await page.FillAsync($"#standdown-{Plan}", reason);
        await activation.Locator("button[type='submit']").ClickAsync();
        await Expect(activation).ToHaveClassAsync("plan-activation stood-down");
        await Expect(activation.Locator(".stood-down-note")).ToContainTextAsync(reason);
        await Expect(page.Locator("#detail-tasks li.task[data-status='StoodDown']")).ToHaveCountAsync(tasks);

        // A moderate flood did not meet the plan: the duty office activates it by hand, with a reason.
        await page.Locator("#operator-board tr", new() { HasText = moderate }).Locator("button").First.ClickAsync();
        await Expect(page.Locator("#detail-title")).ToContainTextAsync(moderate);
        await Expect(page.Locator("#detail-tasks")).ToBeHiddenAsync();
        await Expect(page.Locator("#activate-form")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#activate-plan", Plan);
        await page.FillAsync("#activate-reason", language == "ar" ? "السدود تحت الضغط" : "The dams are under strain");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, $"the duty office's incident panel ({language})");
        await page.ClickAsync("#activate-form button[type='submit']");
        var manual = page.Locator($"#detail-tasks li.plan-activation[data-plan='{Plan}']");
        await Expect(manual).ToContainTextAsync(language == "ar" ? "يدوياً" : "by hand");
        await Expect(page.Locator("#detail-tasks li.task")).ToHaveCountAsync(tasks);
        await Expect(page.Locator("#activate-form")).ToBeHiddenAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, $"a stood-down and a manual plan ({language})");
        await page.Context.CloseAsync();
    }

    [TestCase("ar")]
    [TestCase("en")]
    public async Task The_library_a_plan_s_page_and_the_editor_name_each_refused_field_beside_its_task_and_a_saved_change_shows_in_the_history(string language)
    {
        // Civil Defence's liaison reads the library and the plan, but NCEM leads it: no change offered.
        var reader = await Browser.SignInAsync("liaison.civil-defence", language);
        await reader.ClickAsync("#nav-plans");
        var row = reader.Locator($"#plans-table tr[data-plan='{Plan}']");
        await Expect(row).ToContainTextAsync(language == "ar" ? "المركز الوطني" : "National Center");
        await Expect(reader.Locator("#plans-sample")).ToBeVisibleAsync();
        await Expect(reader.Locator("#plans-new")).ToBeVisibleAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(reader, $"the plan library ({language})");
        await ConsoleBrowser.ScreenshotAsync(reader.Locator("#plans-library"), $"plans-library-{language}");
        await row.Locator("button[data-open-plan]").ClickAsync();
        await Expect(reader.Locator("#plan-title")).ToBeFocusedAsync();
        await Expect(reader.Locator("#plan-tasks section.agency-tasks")).ToHaveCountAsync(6);
        await Expect(reader.Locator("#plan-tasks li.task[data-task='cd-swift-water-rescue']")).ToContainTextAsync("swift-water-rescue-team");
        await Expect(reader.Locator("#plan-edit")).ToBeHiddenAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(reader, $"a plan's page ({language})");
        await reader.ClickAsync("#plan-back");
        await Expect(row.Locator("button[data-open-plan]")).ToBeFocusedAsync();
        await reader.Context.CloseAsync();

        // NCEM leads it: a change without a reason and with a task's agency cleared is refused beside both.
        var page = await Browser.SignInAsync("liaison.ncem", language);
        await page.ClickAsync("#nav-plans");
        await page.Locator($"#plans-table tr[data-plan='{Plan}'] button[data-open-plan]").ClickAsync();
        var version = int.Parse((await page.Locator("#plan-history tbody tr").First.GetAttributeAsync("data-version"))!, CultureInfo.InvariantCulture);
        await Expect(page.Locator("#plan-tasks li.task")).Not.ToHaveCountAsync(0);
        var tasks = await page.Locator("#plan-tasks li.task").CountAsync();
        await page.ClickAsync("#plan-edit");
        await Expect(page.Locator("#p-code")).ToBeDisabledAsync();
        await Expect(page.Locator("#p-tasks > li")).ToHaveCountAsync(tasks);
        var third = page.Locator("#p-tasks > li").Nth(2);
        await Expect(third.Locator("[data-name='taskId']")).ToHaveValueAsync("cd-swift-water-rescue");
        await third.Locator("[data-name='agency']").SelectOptionAsync("");
        await page.ClickAsync("#plan-save");
        var agencyError = third.Locator("[data-name='agency'] ~ .field-error");
        await Expect(agencyError).Not.ToBeEmptyAsync();
        await Expect(third.Locator("[data-name='agency']")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#err-p-reason")).Not.ToBeEmptyAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, $"the plan editor, refused ({language})");
        await ConsoleBrowser.ScreenshotAsync(page, $"plan-edit-{language}");

        // Fixed, a task added, saved with a reason: the new version is on the plan's page and in its history.
        await third.Locator("[data-name='agency']").SelectOptionAsync("civil-defence");
        await page.ClickAsync("#p-add-task");
        var added = page.Locator("#p-tasks > li").Nth(tasks);
        await Expect(added.Locator("[data-name='taskId']")).ToBeFocusedAsync();
        var taskId = $"ncem-sitrep-{language}";
        await added.Locator("[data-name='taskId']").FillAsync(taskId);
        await added.Locator("[data-name='agency']").SelectOptionAsync("ncem");
        await added.Locator("[data-name='titleAr']").FillAsync("تقرير الموقف الأول");
        await added.Locator("[data-name='titleEn']").FillAsync("First situation report");
        await added.Locator("[data-name='dueAfterMinutes']").FillAsync("90");
        await added.Locator("[data-name='checklistAr']").FillAsync("جمع التقارير\nإرسال التقرير");
        await added.Locator("[data-name='checklistEn']").FillAsync("Gather the reports\nSend the report");
        await page.FillAsync("#p-reason", language == "ar" ? "إضافة تقرير الموقف" : "Adding the situation report");
        await page.ClickAsync("#plan-save");
        await Expect(page.Locator("#plans-plan")).ToBeVisibleAsync();
        await Expect(page.Locator("#plan-status")).ToContainTextAsync((version + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator($"#plan-tasks li.task[data-task='{taskId}'] ol.checklist li")).ToHaveCountAsync(2);
        var newest = page.Locator("#plan-history tbody tr").First;
        await Expect(newest).ToHaveAttributeAsync("data-version", (version + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(newest).ToContainTextAsync("liaison.ncem");
        await Expect(newest.Locator("li[data-field]")).Not.ToHaveCountAsync(0);
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#plans-plan"), $"plan-page-{language}");
        await page.Context.CloseAsync();
    }
}
