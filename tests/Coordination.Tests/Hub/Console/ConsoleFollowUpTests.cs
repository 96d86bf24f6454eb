using System.Globalization;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The joint committee's follow-up in a real browser: NCEM's liaison finds the item a meeting gave the agency, in
/// Arabic, and records it done with what was done; the duty office reads the next meeting's agenda in English, the
/// overdue item first, and records a meeting in Arabic with the agenda beside the form; a commander records an item
/// from an exercise in English and moves its due date; a bad field is said beside it and nothing is written; every
/// screen labelled and clean for axe.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleFollowUpTests : ConsoleFixture
{
    [Test]
    public async Task A_liaison_completes_its_agency_s_item_in_Arabic_and_the_duty_office_reads_the_agenda_overdue_first_in_English()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var action = $"تدريب فرق الإنذار المبكر {Guid.NewGuid():N}"[..32];
        var late = $"Inventory the rescue boats {Guid.NewGuid():N}"[..34];
        using (var commander = await Hub.ClientForAsync("commander"))
        {
            await commander.PostOkAsync("api/meetings", new
            {
                heldOn = today,
                agencies = new[] { "moi-duty", "ncem", "civil-defence" },
                decisions = new[] { new { textAr = "اعتماد الخطة", textEn = "The plan is adopted" } },
                actions = new[]
                {
                    new { actionAr = action, actionEn = "Train the early-warning teams", ownerAgency = "ncem", dueDate = today.AddDays(20) },
                    new { actionAr = "جرد قوارب الإنقاذ", actionEn = late, ownerAgency = "civil-defence", dueDate = today.AddDays(-2) },
                },
            });
        }

        var liaison = await Browser.SignInAsync("liaison.ncem");
        await liaison.ClickAsync("#nav-followup");
        await Expect(liaison.Locator("#view-followup")).ToBeVisibleAsync();
        await Expect(liaison.Locator("#nav-followup")).ToHaveAttributeAsync("aria-current", "page");
        var row = liaison.Locator("#followup-items tbody tr", new() { HasText = action });
        await Expect(row).ToContainTextAsync("مفتوح");
        await Expect(row).ToContainTextAsync("اجتماع تنسيق");
        await Expect(liaison.Locator("#followup-agenda-card")).ToBeHiddenAsync();
        // A liaison keeps no follow-up: no form records an item or a meeting; the meetings are there to read.
        await Expect(liaison.Locator("#followup-item-card")).ToBeHiddenAsync();
        await Expect(liaison.Locator("#followup-meeting-card")).ToBeHiddenAsync();
        await Expect(liaison.Locator("#followup-meetings > li")).Not.ToHaveCountAsync(0);
        // Only its own agency's open items are offered to complete: civil defence's is not.
        await Expect(liaison.Locator("#fc-item option", new() { HasText = "جرد قوارب الإنقاذ" })).ToHaveCountAsync(0);
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(liaison, "follow-up, liaison, Arabic");

        await liaison.Locator("#fc-item").SelectOptionAsync(new SelectOptionValue { Label = (await liaison.Locator("#fc-item option", new() { HasText = action }).TextContentAsync())! });
        await liaison.FillAsync("#fc-note", "دُرّبت ثلاث فرق في درنة وبنغازي");
        await liaison.ClickAsync("#fc-submit");
        await Expect(liaison.Locator("#fc-result")).ToHaveTextAsync("سُجّل إنجاز البند.");
        await Expect(row).ToContainTextAsync("منجز");
        await ConsoleBrowser.ScreenshotAsync(liaison.Locator("#view-followup"), "followup-liaison-ar");
        await liaison.Context.CloseAsync();

        var duty = await Browser.SignInAsync("duty.operator", "en");
        await duty.ClickAsync("#nav-followup");
        await Expect(duty.Locator("#followup-agenda-card")).ToBeVisibleAsync();
        await Expect(duty.Locator("#followup-complete-card")).ToBeHiddenAsync();
        await Expect(duty.Locator("#agenda-items li").First).ToContainTextAsync(late);
        await Expect(duty.Locator("#agenda-items li").First).ToContainTextAsync("Overdue");
        await Expect(duty.Locator("#agenda-items li", new() { HasText = "Train the early-warning teams" })).ToHaveCountAsync(0);
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(duty, "follow-up, duty office, English");
        await ConsoleBrowser.ScreenshotAsync(duty.Locator("#followup-agenda-card"), "followup-agenda-en");
        await duty.Context.CloseAsync();
    }

    [Test]
    public async Task The_duty_office_records_a_meeting_in_Arabic_and_its_two_action_items_appear_from_the_meeting_a_bad_field_said_beside_it_first()
    {
        using var duty = await Hub.ClientForAsync("duty.operator");
        var meetingsBefore = (await duty.GetOkAsync("api/meetings")).GetArrayLength();
        var itemsBefore = (await duty.GetOkAsync("api/improvements")).GetArrayLength();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var decision = $"اعتماد خطة الإخلاء {Guid.NewGuid():N}"[..26];
        var first = $"تحديث خرائط الإخلاء {Guid.NewGuid():N}"[..28];
        var second = $"تدريب متطوعي الهلال الأحمر {Guid.NewGuid():N}"[..36];

        var page = await Browser.SignInAsync("duty.operator");
        await page.ClickAsync("#nav-followup");
        await Expect(page.Locator("#followup-meeting-card")).ToBeVisibleAsync();
        // The agenda is beside the form, not below it, so the committee works through it while recording.
        await Expect(page.Locator("#followup-agenda-card")).ToBeVisibleAsync();
        var form = (await page.Locator("#followup-meeting-card").BoundingBoxAsync())!;
        var agenda = (await page.Locator("#followup-agenda-card").BoundingBoxAsync())!;
        Assert.That(agenda.Y, Is.LessThan(form.Y + form.Height), "the agenda beside the meeting form");

        // The duty office does not see exercises: an item's source is none or a meeting.
        await Expect(page.Locator("#fi-source option")).ToHaveTextAsync(["بلا مصدر", "اجتماع تنسيق"]);
        await page.FillAsync("#fm-heldOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var agency in new[] { "moi-duty", "ncem", "red-crescent" })
        {
            await page.CheckAsync($"#fm-agency-{agency}");
        }

        await page.ClickAsync("#fm-add-decision");
        var decisionRow = page.Locator("#fm-decisions > li").Nth(0);
        await decisionRow.Locator("[data-name=textAr]").FillAsync(decision);
        await decisionRow.Locator("[data-name=textEn]").FillAsync("The evacuation plan is adopted");
        await page.ClickAsync("#fm-add-action");
        await page.ClickAsync("#fm-add-action");
        var actions = page.Locator("#fm-actions > li");
        await Expect(actions).ToHaveCountAsync(2);
        await actions.Nth(0).Locator("[data-name=actionAr]").FillAsync(first);
        await actions.Nth(0).Locator("[data-name=actionEn]").FillAsync("Update the evacuation maps");
        await actions.Nth(0).Locator("[data-name=ownerAgency]").SelectOptionAsync("ncem");
        await actions.Nth(0).Locator("[data-name=dueDate]").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await actions.Nth(1).Locator("[data-name=actionAr]").FillAsync(second);
        await actions.Nth(1).Locator("[data-name=actionEn]").FillAsync("Train the Red Crescent volunteers");
        await actions.Nth(1).Locator("[data-name=dueDate]").FillAsync(today.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The second action item names no owner agency: the hub's word beside that field, in Arabic, nothing written.
        await page.ClickAsync("#fm-submit");
        var owner = actions.Nth(1).Locator("[data-name=ownerAgency]");
        await Expect(owner).ToHaveAttributeAsync("aria-invalid", "true");
        var ownerError = page.Locator($"#err-{await owner.GetAttributeAsync("id")}");
        await Expect(ownerError).Not.ToBeEmptyAsync();
        Assert.That(await ownerError.TextContentAsync(), Does.Match("\\p{IsArabic}"), "said in Arabic");
        await Expect(page.Locator("#fm-result")).ToContainTextAsync("راجع الحقول المعلّمة.");
        await Expect(owner).ToBeFocusedAsync();
        await Expect(actions.Nth(0).Locator("[data-name=ownerAgency]")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.That((await duty.GetOkAsync("api/meetings")).GetArrayLength(), Is.EqualTo(meetingsBefore), "no meeting written");
        Assert.That((await duty.GetOkAsync("api/improvements")).GetArrayLength(), Is.EqualTo(itemsBefore), "no item written");

        // Tall enough for the whole form, so the agenda is pictured beside it where it starts.
        await page.SetViewportSizeAsync(1280, 1600);
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#followup-meeting-area"), "followup-meeting-ar");
        await owner.SelectOptionAsync("red-crescent");
        await page.ClickAsync("#fm-submit");
        await Expect(page.Locator("#fm-result")).ToHaveTextAsync("سُجّل الاجتماع وبنوده (2).");
        await Expect(owner).ToHaveCountAsync(0);
        foreach (var action in new[] { first, second })
        {
            var row = page.Locator("#followup-items tbody tr", new() { HasText = action });
            await Expect(row).ToContainTextAsync("اجتماع تنسيق");
            await Expect(row).ToContainTextAsync("مفتوح");
        }

        var meeting = page.Locator("#followup-meetings > li", new() { HasText = decision });
        await Expect(meeting).ToContainTextAsync("الهلال الأحمر");
        await Expect(meeting.Locator(".followup-actions li", new() { HasText = first })).ToContainTextAsync("مفتوح");
        await Expect(meeting.Locator(".followup-actions li", new() { HasText = second })).ToContainTextAsync("مفتوح");
        var recorded = (await duty.GetOkAsync("api/improvements?source=Meeting")).EnumerateArray()
            .Where(i => i.GetProperty("actionAr").GetString() is { } a && (a == first || a == second)).ToArray();
        Assert.That(recorded.Select(i => i.GetProperty("ownerAgency").GetString()), Is.EquivalentTo(new[] { "ncem", "red-crescent" }));
        var meetingId = (await duty.GetOkAsync("api/meetings")).EnumerateArray().First().GetProperty("meeting").GetProperty("meetingId").GetGuid();
        Assert.That(recorded.Select(i => i.GetProperty("sourceId").GetGuid()), Has.All.EqualTo(meetingId));
        Assert.That((await duty.GetOkAsync("api/meetings")).GetArrayLength(), Is.EqualTo(meetingsBefore + 1), "the same key sent twice records one meeting");

        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "follow-up, duty office recording a meeting, Arabic");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_commander_records_an_item_from_an_exercise_in_English_and_moves_its_due_date_for_a_reason()
    {
        using var commander = await Hub.ClientForAsync("commander");
        var exercise = (await commander.PostOkAsync("api/exercises", new { scenario = "oil-terminal-es-sider", speed = 1, participants = new[] { "civil-defence" } }))
            .GetProperty("exerciseId").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var action = $"Stock foam at the terminal {Guid.NewGuid():N}"[..35];

        var page = await Browser.SignInAsync("commander", "en");
        await page.ClickAsync("#nav-followup");
        await Expect(page.Locator("#followup-item-card")).ToBeVisibleAsync();
        await page.FillAsync("#fi-actionAr", "تخزين مادة الرغوة في الميناء");
        await page.FillAsync("#fi-actionEn", action);
        await page.Locator("#fi-ownerAgency").SelectOptionAsync("civil-defence");
        await page.FillAsync("#fi-dueDate", today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#fi-source").SelectOptionAsync("Exercise");
        await Expect(page.Locator("#fi-sourceId-field")).ToBeVisibleAsync();
        await page.Locator("#fi-sourceId").SelectOptionAsync(exercise.ToString());
        await page.ClickAsync("#fi-submit");
        await Expect(page.Locator("#fi-result")).ToHaveTextAsync("The item is recorded and its owner agency told.");
        var row = page.Locator("#followup-items tbody tr", new() { HasText = action });
        await Expect(row).ToContainTextAsync("Exercise");
        await Expect(row).ToContainTextAsync("Open");
        var item = (await commander.GetOkAsync($"api/improvements?sourceId={exercise}")).EnumerateArray().Single();
        Assert.That(item.GetProperty("actionEn").GetString(), Is.EqualTo(action));
        Assert.That(item.GetProperty("source").GetString(), Is.EqualTo("Exercise"));
        var itemId = item.GetProperty("itemId").GetGuid();
        var due = (await row.Locator("td").Nth(2).TextContentAsync())!;

        // A new date without a reason: said beside the reason, the date stays as it was.
        await page.Locator("#fd-item").SelectOptionAsync(itemId.ToString());
        var moved = today.AddDays(40);
        await page.FillAsync("#fd-dueDate", moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("#fd-submit");
        await Expect(page.Locator("#fd-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#err-fd-reason")).Not.ToBeEmptyAsync();
        Assert.That((await commander.GetOkAsync($"api/improvements/{itemId}")).GetProperty("current").GetProperty("dueDate").GetString(),
            Is.EqualTo(today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "follow-up, commander recording an item, English");

        await page.FillAsync("#fd-reason", "The foam supplier delivers next month");
        await page.ClickAsync("#fd-submit");
        await Expect(page.Locator("#fd-result")).ToHaveTextAsync("The due date is moved.");
        await Expect(page.Locator("#fd-reason")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(row.Locator("td").Nth(2)).Not.ToHaveTextAsync(due);
        Assert.That((await commander.GetOkAsync($"api/improvements/{itemId}")).GetProperty("current").GetProperty("dueDate").GetString(),
            Is.EqualTo(moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#followup-item-card"), "followup-record-en");
        await page.Context.CloseAsync();

        // An administrator records too, from an exercise as well, but the agenda (incidents' tasks) is not theirs.
        var admin = await Browser.SignInAsync("admin", "en");
        await admin.ClickAsync("#nav-followup");
        await Expect(admin.Locator("#followup-meeting-card")).ToBeVisibleAsync();
        await Expect(admin.Locator("#followup-agenda-card")).ToBeHiddenAsync();
        await Expect(admin.Locator("#fi-source option")).ToHaveTextAsync(["None", "Exercise", "Coordination meeting"]);
        await admin.Context.CloseAsync();
    }
}