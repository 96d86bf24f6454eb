using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Nothing lost in the browser: a console reloaded without a link opens on what it last knew (its shell kept by the
/// service worker) and queues work; a report queued across a session that expired is stored exactly once after the
/// user signs in again; an acknowledgement made offline is stored once when the link returns. The hub runs on a
/// clock the test moves, so a session expires without waiting for it; the desks reach it through a link the test cuts.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleSafeKeepingTests
{
    private TempDirectory _data = null!;
    private FakeTimeProvider _clock = null!;
    private HubHost _hub = null!;
    private LoopbackProxy _link = null!;
    private ConsoleBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _data = new TempDirectory();
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _hub = await HubHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["Coordination:Auth:TokenLifetime"] = "00:10:00",
            ["Coordination:Security:RefreshTokenLifetime"] = "00:20:00",
        }, _clock);
        _link = new LoopbackProxy(_hub.BaseAddress.Port);
        _browser = await ConsoleBrowser.StartAsync(_link.BaseAddress);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _browser.DisposeAsync();
        await _link.DisposeAsync();
        await _hub.DisposeAsync();
        _data.Dispose();
    }

    [SetUp]
    public void LinkUp() => _link.Restore();

    [Test]
    public async Task A_console_reloaded_without_a_link_opens_on_what_it_last_knew_marked_not_live_and_queues_a_report()
    {
        var known = $"قبل الانقطاع {Guid.NewGuid():N}"[..26];
        using (var duty = await _hub.ClientForAsync("duty.operator"))
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(known));
        }

        var page = await _browser.SignInAsync("duty.operator");
        await Expect(page.Locator("#operator-board tr", new() { HasText = known })).ToHaveCountAsync(1);
        await ShellKeptAsync(page);

        _link.Cut();
        await page.ReloadAsync();

        await Expect(page.Locator("#view-operator")).ToBeVisibleAsync();
        await Expect(page.Locator("#operator-board tr", new() { HasText = known })).ToHaveCountAsync(1);
        await Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator("#connection-text")).ToContainTextAsync("يُعرض ما كان معروفاً حتى");

        var queued = $"بعد الانقطاع {Guid.NewGuid():N}"[..26];
        await ConsoleFlowTests.FillReportAsync(page, queued, "درنة");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#report-result")).ToContainTextAsync("حُفظ البلاغ على هذا الجهاز");
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");
        Assert.That(await CountAsync(queued), Is.Zero, "nothing reached the hub while the link was cut");

        _link.Restore();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Expect(page.Locator("#connection-text")).Not.ToContainTextAsync("يُعرض ما كان معروفاً حتى");
        await Expect(page.Locator("#outbox-count")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.That(await CountAsync(queued), Is.EqualTo(1));

        // The worker kept the shell and no answer of the API; signing out removes what the tab knew of the user.
        var keptApi = await page.EvaluateAsync<string[]>("""
            async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url))))
              .flat().filter((url) => new URL(url).pathname.startsWith('/api/'))
            """);
        await page.ClickAsync("#sign-out");
        await Expect(page.Locator("#view-signin")).ToBeVisibleAsync();
        var knownLeft = await page.EvaluateAsync<string[]>("Object.keys(sessionStorage).filter((k) => k.startsWith('coordination.known'))");
        Assert.Multiple(() =>
        {
            Assert.That(keptApi, Is.Empty, "no API answer in the service worker's cache");
            Assert.That(knownLeft, Is.Empty, "nothing the tab knew of the user is left after sign-out");
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_report_queued_across_an_expired_session_is_stored_exactly_once_after_signing_in_again()
    {
        var page = await _browser.SignInAsync("duty.operator", "en");
        var title = $"Across a session {Guid.NewGuid():N}"[..28];
        _link.Cut();
        await ConsoleFlowTests.FillReportAsync(page, title, "Derna");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#report-result")).ToContainTextAsync("kept on this computer");
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");

        // A long outage: the sign-in token and its refresh token have both expired by the hub's clock when the link returns.
        _clock.Advance(TimeSpan.FromHours(1));
        _link.Restore();

        var dialog = page.Locator("#session-dialog");
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(dialog).ToContainTextAsync("Sign in again as duty.operator");
        await Expect(page.Locator("#session-password")).ToBeFocusedAsync();
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "session ended");
        Assert.That(await CountAsync(title), Is.Zero, "refused with the expired session, not stored");

        await page.FillAsync("#session-password", "not the password");
        await page.PressAsync("#session-password", "Enter");
        await Expect(page.Locator("#session-error")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");

        await page.FillAsync("#session-password", HubHost.Password);
        await page.PressAsync("#session-password", "Enter");
        // After a failed attempt the hub holds the next answer (up to MaxSignInDelay), and more on a loaded machine.
        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#outbox-count")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#notice")).ToContainTextAsync("A kept report was sent");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        Assert.That(await CountAsync(title), Is.EqualTo(1));

        // A reload afterwards sends nothing again.
        await page.ReloadAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        Assert.That(await CountAsync(title), Is.EqualTo(1));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_report_refused_because_the_session_expired_is_kept_and_stored_once_after_signing_in_again()
    {
        var page = await _browser.SignInAsync("duty.operator");
        var title = $"جلسة منتهية {Guid.NewGuid():N}"[..24];
        // The agency board's reads cannot get through, so the report is the first call to meet the expired session.
        await page.RouteAsync("**/api/presence", route => route.AbortAsync("connectionrefused"));
        await ConsoleFlowTests.FillReportAsync(page, title, "درنة");
        await Expect(page.Locator("#report-preview")).ToHaveAttributeAsync("data-state", "ready");
        _clock.Advance(TimeSpan.FromHours(1));

        await page.ClickAsync("#report-submit");

        await Expect(page.Locator("#report-result")).ToContainTextAsync("انتهت الجلسة: حُفظ البلاغ على هذا الجهاز");
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");
        await Expect(page.Locator("#session-dialog")).ToContainTextAsync("سجّل الدخول مجدداً باسم duty.operator");
        Assert.That(await CountAsync(title), Is.Zero);

        await page.FillAsync("#session-password", HubHost.Password);
        await page.PressAsync("#session-password", "Enter");
        await Expect(page.Locator("#session-dialog")).ToBeHiddenAsync();
        await Expect(page.Locator("#outbox-count")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.That(await CountAsync(title), Is.EqualTo(1));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task An_acknowledgement_made_offline_is_kept_and_stored_once_when_the_link_returns()
    {
        var page = await _browser.SignInAsync("liaison.ncem");
        var title = $"استلام دون اتصال {Guid.NewGuid():N}"[..28];
        string incidentId;
        using (var duty = await _hub.ClientForAsync("duty.operator"))
        {
            incidentId = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title))).GetProperty("incidentId").GetString()!;
        }

        var alert = page.Locator("#inbox li.alert", new() { HasText = title });
        await Expect(alert.Locator("button.ack")).ToBeVisibleAsync();

        _link.Cut();
        await alert.Locator("button.ack").ClickAsync();
        await Expect(alert.Locator(".ack-queued")).ToContainTextAsync("الاستلام محفوظ على هذا الجهاز");
        await Expect(page.Locator("#outbox-count")).ToContainTextAsync("1");
        // Kept across a reload too, with its idempotency key.
        await page.ReloadAsync();
        await Expect(page.Locator("#inbox li.alert", new() { HasText = title }).Locator(".ack-queued")).ToBeVisibleAsync();
        Assert.That(await AcknowledgementsAsync(incidentId), Is.Zero, "nothing reached the hub while the link was cut");

        _link.Restore();
        await Expect(page.Locator("#outbox-count")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#inbox li.alert.acked", new() { HasText = title })).ToBeVisibleAsync();
        Assert.That(await AcknowledgementsAsync(incidentId), Is.EqualTo(1));
        await page.Context.CloseAsync();
    }

    /// <summary>Waits until the service worker controls the page and keeps every file of the shell the page loaded.</summary>
    private static async Task ShellKeptAsync(IPage page) =>
        await page.WaitForFunctionAsync("""
            async () => {
              if (!navigator.serviceWorker.controller) return false;
              const shell = performance.getEntriesByType('resource').map((e) => new URL(e.name))
                .filter((u) => u.origin === location.origin && !/^\/(api|hubs|health|openapi)\//.test(u.pathname));
              const kept = await Promise.all([new URL('/', location.origin), ...shell].map((u) => caches.match(u.href)));
              return shell.length > 0 && kept.every(Boolean);
            }
            """, null, new() { Timeout = 20_000 });

    private async Task<int> CountAsync(string title)
    {
        using var http = await _hub.ClientForAsync("commander");
        return (await http.GetOkAsync("api/incidents?limit=1000")).EnumerateArray().Count(i => i.GetProperty("title").GetString() == title);
    }

    private async Task<int> AcknowledgementsAsync(string incidentId)
    {
        using var http = await _hub.ClientForAsync("commander");
        var entries = await http.ReadLogAsync();
        return entries.Count(e => e.Type == EventTypes.AlertAcknowledged && e.IncidentId == Guid.Parse(incidentId));
    }
}
