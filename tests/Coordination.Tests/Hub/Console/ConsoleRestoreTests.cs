using System.Security.Cryptography;
using Coordination.Persistence.Backups;
using Coordination.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The hub a commander's console is live on is restored from a backup taken before the last report the console
/// showed: the console says so in its language, takes off what the restored log does not hold, and goes on live.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleRestoreTests
{
    [TestCase("ar", "استُعيد سجل الخادم من نسخة احتياطية")]
    [TestCase("en", "The hub's log was restored from a backup")]
    public async Task A_console_beyond_a_restored_log_says_so_and_shows_the_log_as_restored(string language, string notice)
    {
        using var folder = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            // The same key on both hubs, as production sets it: the console's session outlives the restore.
            ["Coordination:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Coordination:Realtime:HeartbeatInterval"] = "00:00:00.500",
        };
        var lostData = Path.Combine(folder.Path, "lost");
        // Disposed mid-test as the hub is lost; here too, should the test fail before.
        await using var lost = await HubHost.StartAsync(lostData, settings);
        await using var browser = await ConsoleBrowser.StartAsync(lost);
        await using var link = new LoopbackProxy(lost.BaseAddress.Port);
        var page = await browser.SignInAsync("commander", language, link.BaseAddress);
        var timeline = page.Locator("#shared-timeline");
        var board = page.Locator("#commander-board");
        var backup = Path.Combine(folder.Path, "backup.db");
        using (var duty = await lost.ClientForAsync("duty.operator"))
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood("Kept flood"));
            await Expect(timeline).ToContainTextAsync("Kept flood");
            await SqliteBackup.CopyLiveAsync(Path.Combine(lostData, "coordination.db"), backup, default);
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood("Lost flood"));
            await Expect(board).ToContainTextAsync("Lost flood");
        }

        link.Cut();
        await lost.DisposeAsync();
        var restoredData = Path.Combine(folder.Path, "restored");
        Directory.CreateDirectory(restoredData);
        await SqliteBackup.CopyBackupAsync(backup, Path.Combine(restoredData, "coordination.db"), default);
        await using var restored = await HubHost.StartAsync(restoredData, settings);
        link.Retarget(restored.BaseAddress.Port);
        link.Restore();

        await Expect(page.Locator("#notice")).ToContainTextAsync(notice, new() { Timeout = 30_000 });
        await Expect(page.Locator("#notice")).ToBeVisibleAsync();
        await Expect(timeline).Not.ToContainTextAsync("Lost flood");
        await Expect(board).Not.ToContainTextAsync("Lost flood");
        await Expect(timeline).ToContainTextAsync("Kept flood");
        using var dutyAgain = await restored.ClientForAsync("duty.operator");
        await dutyAgain.PostOkAsync("api/incidents", ApiCalls.DernaFlood("Flood after the restore"));
        await Expect(timeline).ToContainTextAsync("Flood after the restore");
        await Expect(board).ToContainTextAsync("Flood after the restore");
        await page.Context.CloseAsync();
    }
}
