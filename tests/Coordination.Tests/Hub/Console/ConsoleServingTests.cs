using System.Net;
using Coordination.Testing;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Console;

/// <summary>The console comes with the hub: a hub started from its build output serves it at the root, under the strict CSP.</summary>
[TestFixture]
public sealed class ConsoleServingTests
{
    [Test]
    public async Task A_hub_process_serves_the_console_and_its_vendored_client_with_no_inline_script_allowed()
    {
        using var data = new TempDirectory();
        await using var hub = new HubProcess(data.Path);
        await hub.StartAsync();
        using var http = new HttpClient { BaseAddress = hub.BaseAddress };

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var assets = new[] { "css/console.css", "js/app.js", "vendor/signalr/signalr.min.js", "map/libya.js" };
        var statuses = new List<HttpStatusCode>();
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(new Uri(asset, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var tiles = await http.GetAsync(new Uri("api/console/settings", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("<html lang=\"ar\" dir=\"rtl\">"), "Arabic, right to left, before any script runs");
            Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("style="), "no inline script or style");
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self';").And.Contain("style-src 'self';"));
            Assert.That(page.Headers.CacheControl?.NoCache, Is.True, "every desk gets a new version at its next load");
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK), string.Join(", ", assets));
            Assert.That(tiles.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "deployment settings are for signed-in users");
            Assert.That(hub.Output, Does.Contain("Console:"), "the start banner names the address to open");
        });
    }

    [Test]
    public async Task A_configured_tile_server_is_the_only_other_image_origin_the_policy_allows()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Coordination:Console:TileUrl"] = "https://tiles.ncem.example/osm/{z}/{x}/{y}.png",
            ["Coordination:Console:TileAttribution"] = "© OpenStreetMap contributors",
        });
        using var commander = await hub.ClientForAsync("commander");
        var settings = await commander.GetOkAsync("api/console/settings");
        using var page = await hub.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(settings.GetProperty("tileUrl").GetString(), Is.EqualTo("https://tiles.ncem.example/osm/{z}/{x}/{y}.png"));
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("img-src 'self' data: blob: https://tiles.ncem.example;"));
        });

        using var other = new TempDirectory();
        var error = Assert.CatchAsync(async () => await HubHost.StartAsync(other.Path, new Dictionary<string, string?> { ["Coordination:Console:TileUrl"] = "tiles/{z}/{x}/{y}" }));
        Assert.That(error!.ToString(), Does.Contain("Coordination:Console:TileUrl"));
    }
}
