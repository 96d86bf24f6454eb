using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Capabilities and gaps in a real browser: Civil Defence's liaison declares what it holds from the register's
/// capabilities screen, the hub's refusals shown beside the reason and the line, in Arabic; the capability gaps list the
/// Derna dams risk first and its page shows what is missing; a commander reads both in English and is offered no form.
/// Both screens are labelled and axe-clean.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleCapabilitiesTests : ConsoleFixture
{
    [Test]
    [Order(1)]
    public async Task A_liaison_declares_their_agency_s_holdings_in_Arabic_and_reads_the_gap_of_the_Derna_dams_risk()
    {
        var page = await Browser.SignInAsync("liaison.civil-defence");
        await page.ClickAsync("#nav-register");
        await page.ClickAsync("#register-show-capabilities");
        await Expect(page.Locator("#register-capabilities")).ToBeVisibleAsync();
        await Expect(page.Locator("#cap-agency")).ToHaveValueAsync("civil-defence");
        await Expect(page.Locator("#cap-declared")).ToContainTextAsync("بيانات تجريبية");
        await Expect(page.Locator("#cap-table tr[data-capability='swift-water-rescue-team'][data-district='derna'] td").First).ToHaveTextAsync("1");
        await Expect(page.Locator("#cap-form")).ToBeVisibleAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "capabilities (ar)");

        // Four teams in Derna now, and a line with a count below zero; without a reason.
        var lines = page.Locator("#cap-lines li");
        var index = await IndexOfAsync(lines, "swift-water-rescue-team", "derna");
        await lines.Nth(index).Locator("input[data-name='count']").FillAsync("4");
        await page.ClickAsync("#cap-add");
        var added = lines.Last;
        await added.Locator("select[data-name='capability']").SelectOptionAsync("rescue-boat");
        await added.Locator("input[data-name='count']").FillAsync("-3");
        await added.Locator("select[data-name='district']").SelectOptionAsync("derna");
        await page.ClickAsync("#cap-save");
        await Expect(added.Locator(".field-error")).ToContainTextAsync("العدد يجب أن يكون");
        await added.Locator("input[data-name='count']").FillAsync("2");
        await page.ClickAsync("#cap-save");
        await Expect(page.Locator("#err-cap-reason")).ToContainTextAsync("السبب مطلوب");

        await page.FillAsync("#cap-reason", "نقل فرق إلى درنة قبل الشتاء");
        await page.ClickAsync("#cap-save");
        await Expect(page.Locator("#cap-result")).ToContainTextAsync("حُفظ الإعلان");
        await Expect(page.Locator("#cap-table tr[data-capability='swift-water-rescue-team'][data-district='derna'] td").First).ToHaveTextAsync("4");
        await Expect(page.Locator("#cap-table tr[data-capability='rescue-boat'][data-district='derna'] td").First).ToHaveTextAsync("2");
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#register-capabilities"), "register-capabilities-ar");

        // The gaps: the Derna dams risk first; its swift-water teams are now enough, its ambulances are not.
        await page.ClickAsync("#capabilities-back");
        await page.ClickAsync("#register-show-gaps");
        var first = page.Locator("#gaps-table tbody tr").First;
        await Expect(first).ToHaveAttributeAsync("data-code", "flood-derna-dams");
        await Expect(first).ToContainTextAsync("سيارة إسعاف: ينقص 6");
        await Expect(first).Not.ToContainTextAsync("فريق إنقاذ في المياه السريعة");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "gaps (ar)");
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#register-gaps"), "register-gaps-ar");

        await first.Locator("button").ClickAsync();
        await Expect(page.Locator("#register-risk")).ToBeVisibleAsync();
        await Expect(page.Locator("#risk-gaps tr[data-capability='ambulance']")).ToContainTextAsync("ينقص 6");
        await Expect(page.Locator("#risk-gaps tr[data-capability='swift-water-rescue-team']")).ToContainTextAsync("يكفي");
        await page.ClickAsync("#risk-back");
        await Expect(page.Locator("#register-gaps")).ToBeVisibleAsync();
        await Expect(page.Locator("#gaps-table [data-open-risk='flood-derna-dams']")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    [Order(2)]
    public async Task A_commander_reads_the_gaps_and_an_agency_s_holdings_in_English_with_no_form_to_change_them()
    {
        var page = await Browser.SignInAsync("commander", "en");
        await page.ClickAsync("#nav-register");
        await page.ClickAsync("#register-show-gaps");
        var first = page.Locator("#gaps-table tbody tr").First;
        await Expect(first).ToHaveAttributeAsync("data-code", "flood-derna-dams");
        await Expect(first).ToContainTextAsync("Ambulance: 6 missing");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "gaps (en)");
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#register-gaps"), "register-gaps-en");

        await page.ClickAsync("#gaps-back");
        await page.ClickAsync("#register-show-capabilities");
        await page.SelectOptionAsync("#cap-agency", "ambulance");
        await Expect(page.Locator("#cap-table tr[data-capability='ambulance'][data-district='derna'] td").First).ToHaveTextAsync("4");
        await Expect(page.Locator("#cap-form")).ToBeHiddenAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "capabilities (en)");
        await page.Context.CloseAsync();
    }

    private static async Task<int> IndexOfAsync(ILocator lines, string capability, string district)
    {
        for (var i = 0; i < await lines.CountAsync(); i++)
        {
            if (await lines.Nth(i).Locator("select[data-name='capability']").InputValueAsync() == capability
                && await lines.Nth(i).Locator("select[data-name='district']").InputValueAsync() == district)
            {
                return i;
            }
        }

        Assert.Fail($"no line for {capability} in {district}");
        return -1;
    }
}
