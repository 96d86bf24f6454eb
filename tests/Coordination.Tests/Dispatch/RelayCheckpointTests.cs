using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Relay;
using Coordination.Persistence.Checkpoints;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// The relay saves how far it has published beside its publishing, every CheckpointInterval: a hub that dies
/// without stopping republishes only what it published since the last save (the crash tests check that
/// nothing is lost; this checks the checkpoint keeps up while the hub runs).
/// </summary>
[TestFixture]
public sealed class RelayCheckpointTests
{
    [Test]
    public async Task While_the_hub_runs_the_relay_checkpoint_reaches_the_last_published_position()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Relay:CheckpointInterval"] = "00:00:00.100" });
        await using var commander = await hub.ConnectAsync("commander");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        var pushed = await commander.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 6);
        var head = pushed.Max(e => e.Position);

        var checkpoints = hub.Services.GetRequiredService<CheckpointStore>();
        var saved = 0L;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((saved = await checkpoints.LoadAsync(LogRelay.CheckpointName, CancellationToken.None)) < head && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.That(saved, Is.EqualTo(head), "the checkpoint follows what was published while the hub runs, not only when it stops");
    }

    [Test]
    public void A_checkpoint_interval_of_zero_stops_the_hub_from_starting_with_a_clear_message()
    {
        using var data = new TempDirectory();
        var failure = Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var hub = await HubHost.StartAsync(data.Path, new Dictionary<string, string?> { ["Coordination:Relay:CheckpointInterval"] = "00:00:00" });
        });
        Assert.That(failure!.Message, Does.Contain("Coordination:Relay:CheckpointInterval must be positive."));
    }
}
