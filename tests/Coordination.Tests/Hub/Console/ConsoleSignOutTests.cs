using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Sign-out leaves nothing of the user in the browser, and loses no report without asking: reports still waiting
/// are sent first when the hub can be reached; when it cannot, the user chooses to stay (they are sent when the link
/// returns) or to delete them and sign out.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleSignOutTests : ConsoleFixture
{
    private const string OutboxKey = "coordination.outbox.duty.operator";

    [Test]
    public async Task A_report_still_waiting_at_sign_out_is_sent_before_the_browser_forgets_it()
    {
        var page = await Browser.SignInAsync("duty.operator", "en");
        var title = $"Sent at sign-out {Guid.NewGuid():N}"[..28];
        await FailReportsAsync(page);
        await ConsoleFlowTests.FillReportAsync(page, title, "Derna");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");

        await page.UnrouteAsync("**/api/incidents");
        await page.ClickAsync("#sign-out");

        await Expect(page.Locator("#view-signin")).ToBeVisibleAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync(title), Is.EqualTo(1), "sent, once, before signing out");
            Assert.That(await page.EvaluateAsync<string?>($"localStorage.getItem('{OutboxKey}')"), Is.Null);
            Assert.That(await page.EvaluateAsync<string?>("sessionStorage.getItem('coordination.session')"), Is.Null);
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_report_that_cannot_be_sent_is_deleted_at_sign_out_only_when_the_user_says_so()
    {
        var page = await Browser.SignInAsync("duty.operator");
        var title = $"لا يُرسل {Guid.NewGuid():N}"[..24];
        await FailReportsAsync(page);
        await ConsoleFlowTests.FillReportAsync(page, title, "درنة");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");
        var dialog = page.Locator("#confirm-dialog");
        var stay = dialog.Locator("button[value=cancel]");
        var discard = dialog.Locator("button[value=confirm]");

        await page.ClickAsync("#sign-out");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(dialog).ToContainTextAsync("الخروج الآن يحذفها دون إرسالها");
        await Expect(stay).ToHaveTextAsync("البقاء وإرسالها عند عودة الاتصال");
        await Expect(discard).ToHaveTextAsync("حذفها والخروج");
        await Expect(stay).ToBeFocusedAsync();
        await stay.ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.Locator("#view-operator")).ToBeVisibleAsync();
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");

        await page.ClickAsync("#sign-out");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await discard.ClickAsync();
        await Expect(page.Locator("#view-signin")).ToBeVisibleAsync();
        await page.UnrouteAsync("**/api/incidents");

        Assert.Multiple(async () =>
        {
            Assert.That(await page.EvaluateAsync<string?>($"localStorage.getItem('{OutboxKey}')"), Is.Null, "the kept report is gone from the browser");
            Assert.That(await page.EvaluateAsync<string?>("sessionStorage.getItem('coordination.session')"), Is.Null);
            Assert.That(await CountAsync(title), Is.Zero, "and was never sent");
        });
        await page.Context.CloseAsync();
    }

    /// <summary>Reports cannot reach the hub (the link fails for them), while the page and its reads still load.</summary>
    private static async Task FailReportsAsync(IPage page) =>
        await page.RouteAsync("**/api/incidents", route => route.Request.Method == "POST" ? route.AbortAsync("connectionrefused") : route.ContinueAsync());

    private async Task<int> CountAsync(string title)
    {
        using var http = await Hub.ClientForAsync("commander");
        return (await http.GetOkAsync("api/incidents?limit=1000")).EnumerateArray().Count(i => i.GetProperty("title").GetString() == title);
    }
}
