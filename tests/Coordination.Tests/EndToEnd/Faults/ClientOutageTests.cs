using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd.Faults;

/// <summary>A liaison's link drops for longer than the hub keeps its connection; nothing it was owed is lost.</summary>
[TestFixture]
public sealed class ClientOutageTests
{
    [Test]
    public async Task A_liaison_cut_off_past_the_reconnect_window_gets_every_alert_it_missed_once_and_in_order()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Coordination:Realtime:ReconnectWindow"] = "00:00:01",
            ["Coordination:Realtime:HeartbeatInterval"] = "00:00:01",
        });
        await using var link = new LoopbackProxy(hub.BaseAddress.Port);
        await using var ncem = await CoordinationClient.ConnectAsync(link.BaseAddress, "liaison.ncem", HubHost.Password,
            new CoordinationClientOptions { KeepHistory = true, MaxReconnectDelay = TimeSpan.FromMilliseconds(500) });
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");

        for (var i = 0; i < 3; i++)
        {
            await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood($"فيضان قبل الانقطاع {i}"));
        }

        await ncem.WaitUntilAsync(es => es.AlertPositionsFor("ncem").Length == 3);

        link.Cut();
        for (var i = 0; i < 20; i++)
        {
            await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood($"فيضان أثناء الانقطاع {i}"));
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // well past the 1 s reconnect window
        Assert.That(ncem.AlertPositionsForApplied(), Has.Length.EqualTo(3), "nothing can arrive while the link is down");
        link.Restore();

        var owed = (await commander.ReadLogAsync()).AlertPositionsFor("ncem");
        Assert.That(owed, Has.Length.EqualTo(23));
        var applied = await ncem.WaitUntilAsync(es => es.AlertPositionsFor("ncem").Length == owed.Length, TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(applied.AlertPositionsFor("ncem"), Is.EqualTo(owed), "every alert owed, once, in log order");
            Assert.That(applied.Select(e => e.Position), Is.Unique.And.Ordered.Ascending);
        });
    }
}

internal static class AppliedAlerts
{
    public static long[] AlertPositionsForApplied(this CoordinationClient client) => client.Applied.AlertPositionsFor("ncem");
}
