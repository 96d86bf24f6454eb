using Coordination.Tests.Support;
using Microsoft.Playwright;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Debian's chromium driven by Playwright against a hub on 127.0.0.1: one browser per fixture, one
/// context per person (so each has their own storage, like separate desks).
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, Uri home)
    {
        _playwright = playwright;
        Browser = browser;
        Home = home;
    }

    public IBrowser Browser { get; }

    /// <summary>The hub's address desks open unless told another.</summary>
    public Uri Home { get; }

    /// <summary>Where screenshots go: artifacts/screenshots at the repository root (named in the README).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Folder, "artifacts", "screenshots");

    public static Task<ConsoleBrowser> StartAsync(HubHost hub) => StartAsync(hub.BaseAddress);

    /// <summary>A browser for the hub at <paramref name="home"/>, with chromium's <paramref name="switches"/> besides the usual ones (e.g. a certificate to trust).</summary>
    public static async Task<ConsoleBrowser> StartAsync(Uri home, params string[] switches)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"{ChromiumPath} is missing: `bash tools/test.sh` installs Debian's chromium package (apt-get install chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--autoplay-policy=no-user-gesture-required", .. switches],
        });
        return new ConsoleBrowser(playwright, browser, home);
    }

    /// <summary>A fresh desk: its own storage, Libya's time zone, a laptop-sized window.</summary>
    public async Task<IPage> OpenAsync(string language = "ar", Uri? through = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (through ?? Home).ToString(),
            Locale = "ar-LY",
            TimezoneId = "Africa/Tripoli",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => TestContext.Progress.WriteLine($"[browser error] {error}");
        await page.GotoAsync("/");
        if (language == "en")
        {
            await page.ClickAsync("#lang-toggle");
        }

        return page;
    }

    /// <summary>
    /// Opens a desk and signs in; returns once the role's view is shown and the feed is live (an administrator has no
    /// feed: once the administration screens are shown, their data read).
    /// </summary>
    /// <param name="userName">A sample user, or one a test registered.</param>
    /// <param name="language">"ar" or "en".</param>
    /// <param name="through">Another address for the hub, e.g. a proxy the test can cut.</param>
    /// <param name="password">The user's password; the sample users' by default.</param>
    public async Task<IPage> SignInAsync(string userName, string language = "ar", Uri? through = null, string password = HubHost.Password)
    {
        var page = await OpenAsync(language, through);
        await page.FillAsync("#signin-user", userName);
        await page.FillAsync("#signin-password", password);
        await page.PressAsync("#signin-password", "Enter");
        await Assertions.Expect(page.Locator("#connection[data-state='live'], #view-admin:not([hidden])")).ToBeVisibleAsync();
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        // Animations (the new-alert flash) are frozen so the picture shows the settled view.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>A picture of one part of the page (a card), frozen like the page's.</summary>
    public static async Task ScreenshotAsync(ILocator part, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), Animations = ScreenshotAnimations.Disabled });
    }


    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
