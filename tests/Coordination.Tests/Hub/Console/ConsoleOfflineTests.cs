using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Poor links: a report written while the operator's browser is offline waits in the browser and is
/// sent when the link returns; a report whose answer was lost is sent again and still stored once.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleOfflineTests : ConsoleFixture
{
    [Test]
    public async Task A_report_written_offline_is_queued_in_the_browser_and_stored_exactly_once_when_the_link_returns()
    {
        var page = await Browser.SignInAsync("duty.operator");
        var title = $"انقطاع الاتصال {Guid.NewGuid():N}"[..28];

        await page.Context.SetOfflineAsync(true);
        await ConsoleFlowTests.FillReportAsync(page, title, "درنة");
        // Who will be alerted cannot be asked offline: the form says so, and sending is not held back.
        await Expect(page.Locator("#report-preview")).ToHaveAttributeAsync("data-state", "unavailable");
        await Expect(page.Locator("#report-preview")).ToContainTextAsync("المعاينة غير متاحة");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#report-result")).ToContainTextAsync("حُفظ البلاغ على هذا الجهاز");
        await Expect(page.Locator("#outbox-count")).ToBeVisibleAsync();
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");
        Assert.That(await CountAsync(title), Is.Zero, "nothing reached the hub while offline");

        await page.Context.SetOfflineAsync(false);
        await Expect(page.Locator("#outbox-count")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.That(await CountAsync(title), Is.EqualTo(1));
        await Expect(page.Locator("#operator-board tr", new() { HasText = title })).ToHaveCountAsync(1);

        // A reload afterwards sends nothing again: the queue was emptied only once the hub answered.
        await page.ReloadAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        Assert.That(await CountAsync(title), Is.EqualTo(1));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_report_whose_answer_is_lost_is_sent_again_with_its_key_and_stored_once()
    {
        var page = await Browser.SignInAsync("duty.operator", "en");
        var title = $"Answer lost {Guid.NewGuid():N}"[..24];
        var attempts = 0;
        // The first attempt reaches the hub, which stores the report; its answer never reaches the browser.
        await page.RouteAsync("**/api/incidents", async route =>
        {
            if (route.Request.Method == "POST" && Interlocked.Increment(ref attempts) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });

        await ConsoleFlowTests.FillReportAsync(page, title, "Derna");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#report-result")).ToContainTextAsync("kept on this computer");
        Assert.That(await CountAsync(title), Is.EqualTo(1), "the hub stored the first attempt");

        // The outbox retries on its own timer.
        await Expect(page.Locator("#outbox-count")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.That(attempts, Is.GreaterThanOrEqualTo(2), "the report was sent again");
        Assert.That(await CountAsync(title), Is.EqualTo(1), "and still stored once");
        await page.Context.CloseAsync();
    }

    private async Task<int> CountAsync(string title)
    {
        using var http = await Hub.ClientForAsync("commander");
        return (await http.GetOkAsync("api/incidents?limit=1000")).EnumerateArray().Count(i => i.GetProperty("title").GetString() == title);
    }
}
