using System.Collections.Concurrent;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>
/// An agency's system that was away is given what was logged meanwhile: the handler set in the client's options sees
/// the entries its first catch-up applies, inside <c>ConnectAsync</c>, once each and in order, then the live ones.
/// </summary>
[TestFixture]
public sealed class ClientBacklogTests
{
    [Test]
    public async Task The_options_handler_is_given_the_backlog_applied_while_connecting_then_live_entries_once_each_in_order()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("بلاغ أثناء الغياب"));
        using var ncemApi = await hub.ClientForAsync("liaison.ncem");
        var backlog = (await ncemApi.GetOkAsync("api/log?after=0")).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("position").GetInt64()).ToArray();
        var saved = new ConcurrentQueue<LogEntry>();
        using var arrived = new SemaphoreSlim(0);

        await using var ncem = await CoordinationClient.ConnectAsync(hub.BaseAddress, "liaison.ncem", HubHost.Password,
            new CoordinationClientOptions { StartAfter = 0, OnEntryApplied = e => { saved.Enqueue(e); arrived.Release(); } });
        var atConnect = saved.Select(e => e.Position).ToArray();
        var live = await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("بلاغ بعد الاتصال"));
        var livePosition = live.GetProperty("position").GetInt64();
        while (!saved.Any(e => e.Position >= livePosition))
        {
            Assert.That(await arrived.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "the live alert reaches the handler");
        }

        var all = saved.Select(e => e.Position).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(backlog, Is.Not.Empty, "the liaison may see the report made while it was away");
            Assert.That(atConnect, Is.EqualTo(backlog), "every entry of the backlog is given before ConnectAsync returns");
            Assert.That(all, Is.Ordered.And.Unique, "once per position, in order");
            Assert.That(all.Last(), Is.GreaterThanOrEqualTo(livePosition), "and the live entries after it");
        });
    }
}
