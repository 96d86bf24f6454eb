using Coordination.Tests.Support;
using Microsoft.Playwright;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Who is listening, in the browser: the commander's agency board shows NCEM connected while its liaison's console is
/// open (and the liaison is told they are its only connection), then unreachable in words and an icon once that
/// browser closes; an alert to NCEM then is flagged on the shared timeline. The board is axe-clean.
/// </summary>
[TestFixture]
public sealed class ConsolePresenceTests
{
    [Test]
    public async Task The_agency_board_shows_an_agency_go_unreachable_when_its_liaisons_browser_closes()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Coordination:Realtime:PresenceInterval"] = "00:00:00.500",
            ["Coordination:Realtime:FlagUnreachableAgencies"] = "true",
        });
        await using var browser = await ConsoleBrowser.StartAsync(hub);
        var commander = await browser.SignInAsync("commander", "en");
        var liaison = await browser.SignInAsync("liaison.ncem", "en");

        await Assertions.Expect(liaison.Locator("#last-connection")).ToBeVisibleAsync();
        await Assertions.Expect(liaison.Locator("#last-connection")).ToContainTextAsync("only connection");

        var ncem = commander.Locator("#commander-agencies tr[data-agency='ncem']");
        await Assertions.Expect(ncem).ToHaveClassAsync("reachable");
        await Assertions.Expect(ncem).ToContainTextAsync("liaison.ncem");
        await Assertions.Expect(ncem).ToContainTextAsync("Connected (1)");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "agency board");
        await ConsoleBrowser.ScreenshotAsync(commander.Locator("#commander-agencies"), "agency-board-en");

        await liaison.Context.CloseAsync();
        await Assertions.Expect(ncem).ToHaveClassAsync("unreachable");
        await Assertions.Expect(ncem.Locator(".presence-state")).ToHaveTextAsync("⚠ Nobody connected: phone the agency");

        using var duty = await hub.ClientForAsync("duty.operator");
        await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        await Assertions.Expect(commander.Locator("#shared-timeline")).ToContainTextAsync("Nobody of National Center for Emergency, Crisis and Disaster Management is connected");
        await Assertions.Expect(ncem.Locator(".waiting-count")).Not.ToHaveTextAsync("0");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "agency board, unreachable");
    }
}
