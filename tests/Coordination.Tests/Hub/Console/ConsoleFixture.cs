using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Console;

/// <summary>Base for browser fixtures: one hub on a fresh data folder and one chromium for all their tests.</summary>
public abstract class ConsoleFixture
{
    private TempDirectory _data = null!;

    protected HubHost Hub { get; private set; } = null!;

    protected ConsoleBrowser Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartHubAndBrowserAsync()
    {
        _data = new TempDirectory();
        Hub = await HubHost.StartAsync(_data.Path);
        Browser = await ConsoleBrowser.StartAsync(Hub);
    }

    [OneTimeTearDown]
    public async Task StopHubAndBrowserAsync()
    {
        await Browser.DisposeAsync();
        await Hub.DisposeAsync();
        _data.Dispose();
    }
}
