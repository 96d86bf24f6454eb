using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The joint committee's follow-up in a real browser: NCEM's liaison finds the item a meeting gave the agency, in
/// Arabic, and records it done with what was done; the duty office reads the next meeting's agenda in English, the
/// overdue item first; both screens labelled and clean for axe.
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
}
