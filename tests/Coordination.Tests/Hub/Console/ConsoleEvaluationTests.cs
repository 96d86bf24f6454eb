using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The Evaluation tab in a real browser: after a Derna flood that NCEM acknowledged and the ambulance service did not
/// (yet), a commander chooses a week and reads the whole against the previous week, the charts and the tables per
/// agency, hazard and district, opens the alerts behind a count, and opens the printable page, in Arabic and in
/// English, axe-clean; a liaison is shown their own agency's line only; an administrator has no such tab.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleEvaluationTests : ConsoleFixture
{
    [OneTimeSetUp]
    public async Task ReportAFloodAsync()
    {
        using var duty = await Hub.ClientForAsync("duty.operator");
        using var ncem = await Hub.ClientForAsync("liaison.ncem");
        var incident = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetString();
        await ncem.WaitForAlertsAsync();
        await ncem.PostOkAsync($"api/incidents/{incident}/acknowledge", new { });
    }

    [TestCase("ar", "تقرير التقييم", "بالانتظار", "ما وراء الرقم")]
    [TestCase("en", "Evaluation report", "Waiting", "Behind the figure")]
    public async Task A_commander_reads_the_week_against_the_previous_one_opens_the_alerts_behind_a_count_and_the_printable_page(
        string language, string printedTitle, string waitingColumn, string entriesHeading)
    {
        var page = await Browser.SignInAsync("commander", language);
        await page.ClickAsync("#nav-evaluation");
        await Expect(page.Locator("#view-evaluation")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await page.SelectOptionAsync("#ev-period", "week");
        await page.ClickAsync("#ev-show");
        await Expect(page.Locator("#ev-scope")).ToContainTextAsync(language == "ar" ? "أسبوع" : "Week");
        var ncem = page.Locator("#ev-agencies tr[data-key='ncem']");
        await Expect(ncem.Locator("td[data-col='acknowledgedInTime'] button.figure")).ToHaveTextAsync("1");
        await Expect(ncem.Locator("td[data-col='inTimePercent']")).ToContainTextAsync("100");
        await Expect(page.Locator("#ev-total thead th")).ToHaveCountAsync(4, new() { Timeout = 5000 });
        await Expect(page.Locator("#ev-hazards tr[data-key='Flood']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#ev-districts tr[data-key='derna']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#ev-distribution svg rect.fill")).ToHaveCountAsync(8);
        await Expect(page.Locator("#ev-bars li[data-agency='ncem'] svg")).ToHaveCountAsync(1);
        await Expect(page.Locator("#ev-agencies thead")).ToContainTextAsync(waitingColumn);

        // "Show me the ones still waiting": the ambulance service's alert, behind its count.
        await page.Locator("#ev-agencies tr[data-key='ambulance'] td[data-col='waiting'] button.figure").ClickAsync();
        await Expect(page.Locator("#ev-entries")).ToBeVisibleAsync();
        await Expect(page.Locator("#ev-entries-heading")).ToBeFocusedAsync();
        await Expect(page.Locator("#ev-entries-heading")).ToContainTextAsync(entriesHeading);
        await Expect(page.Locator("#ev-entries-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#ev-entries-table tbody tr td").First).ToContainTextAsync("INC-");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, $"evaluation ({language})");
        await ConsoleBrowser.ScreenshotAsync(page, $"evaluation-{language}");

        var printable = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("#ev-print"));
        await Expect(printable.Locator("h1")).ToHaveTextAsync(printedTitle);
        await Expect(printable.Locator("html")).ToHaveAttributeAsync("dir", language == "ar" ? "rtl" : "ltr");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_liaison_sees_their_own_agency_s_line_and_an_administrator_has_no_evaluation_tab()
    {
        var liaison = await Browser.SignInAsync("liaison.ncem");
        await liaison.ClickAsync("#nav-evaluation");
        await Expect(liaison.Locator("#ev-agencies tbody tr")).ToHaveCountAsync(1);
        await Expect(liaison.Locator("#ev-agencies tbody tr")).ToHaveAttributeAsync("data-key", "ncem");
        await Expect(liaison.Locator("#ev-period option[value='exercise']")).ToHaveCountAsync(0);
        await liaison.Context.CloseAsync();

        var admin = await Browser.SignInAsync("admin");
        await Expect(admin.Locator("#nav-evaluation")).ToBeHiddenAsync();
        await admin.Context.CloseAsync();
    }
}
