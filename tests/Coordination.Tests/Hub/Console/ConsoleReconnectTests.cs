using Coordination.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// A liaison's link dies while alerts are raised: the console says so, reconnects by itself and
/// catches up, and the inbox ends with every alert once, newest first, without a reload.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleReconnectTests
{
    [Test]
    public async Task Alerts_raised_while_the_link_is_cut_appear_once_after_it_returns()
    {
        await using var hub = await HubHost.StartFreshAsync();
        await using var browser = await ConsoleBrowser.StartAsync(hub);
        await using var link = new LoopbackProxy(hub.BaseAddress.Port);
        var page = await browser.SignInAsync("liaison.ncem", "en", link.BaseAddress);
        using var duty = await hub.ClientForAsync("duty.operator");
        var titles = Enumerable.Range(1, 5).Select(i => $"Derna flood wave {i}").ToArray();

        await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(titles[0]));
        await Expect(page.Locator("#inbox li.alert")).ToHaveCountAsync(1);

        link.Cut();
        await Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "live");
        foreach (var title in titles[1..])
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title));
        }

        using var ncem = await hub.ClientForAsync("liaison.ncem");
        await ncem.WaitForAlertsAsync(titles.Length);
        // Down a while longer, as a poor link stays: the console's retries meet the cut link, not only its first attempt.
        await Task.Delay(1_000);
        link.Restore();

        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Expect(page.Locator("#inbox li.alert")).ToHaveCountAsync(titles.Length, new() { Timeout = 30_000 });
        var shown = await page.Locator("#inbox .alert-title").AllTextContentsAsync();
        Assert.That(shown, Is.EqualTo(titles.Reverse().ToArray()), "every alert once, newest first");
        await page.Context.CloseAsync();
    }
}
