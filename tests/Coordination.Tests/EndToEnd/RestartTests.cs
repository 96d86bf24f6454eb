using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd;

/// <summary>Stopping the hub and starting it again on the same SQLite file loses nothing and repeats nothing.</summary>
[TestFixture]
public sealed class RestartTests
{
    [Test]
    public async Task After_a_restart_the_board_inbox_and_timeline_are_the_same_and_nothing_is_pushed_again()
    {
        using var data = new TempDirectory();
        Guid incidentId;
        string board, inbox, timeline;
        long head;

        await using (var first = await HubHost.StartAsync(data.Path))
        {
            await using var commander = await first.ConnectAsync("commander");
            using var operatorApi = await first.ClientForAsync("duty.operator");
            using var ncemApi = await first.ClientForAsync("liaison.ncem");
            incidentId = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
            await commander.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 6);
            await ncemApi.PostOkAsync($"api/incidents/{incidentId}/acknowledge", new { note = "وصلنا" });
            await commander.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.AlertAcknowledged));
            (board, inbox, timeline, head) = await SnapshotAsync(first, incidentId);
        }

        await using var second = await HubHost.StartAsync(data.Path);
        // The commander's console had applied everything up to the head before the restart.
        await using var returning = await second.ConnectAsync("commander", startAfter: head);
        var (boardAfter, inboxAfter, timelineAfter, headAfter) = await SnapshotAsync(second, incidentId);
        Assert.Multiple(() =>
        {
            Assert.That(boardAfter, Is.EqualTo(board));
            Assert.That(inboxAfter, Is.EqualTo(inbox));
            Assert.That(timelineAfter, Is.EqualTo(timeline));
            Assert.That(headAfter, Is.EqualTo(head));
        });

        // And the restarted hub carries on: the next report is pushed, from the next position. The relay publishes in
        // log order, so anything it wrongly thought unpublished before the restart would have been pushed before it.
        using var operatorAgain = await second.ClientForAsync("duty.operator");
        var next = await operatorAgain.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان ثان"));
        var entries = await returning.WaitUntilAsync(es => es.Any(e => e.Type == EventTypes.IncidentReported));
        Assert.Multiple(() =>
        {
            Assert.That(next.GetProperty("position").GetInt64(), Is.EqualTo(head + 1), "the restarted hub appended nothing of its own before it");
            Assert.That(entries.Min(e => e.Position), Is.EqualTo(head + 1));
            Assert.That(returning.Received.Min(e => e.Position), Is.EqualTo(head + 1), "entries published before the restart are not published again");
        });

        using var commanderApi = await second.ClientForAsync("commander");
        Assert.That((await commanderApi.GetOkAsync("api/log/verify")).GetProperty("isValid").GetBoolean(), Is.True);
    }

    private static async Task<(string Board, string Inbox, string Timeline, long Head)> SnapshotAsync(HubHost hub, Guid incidentId)
    {
        using var commander = await hub.ClientForAsync("commander");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var details = await commander.GetOkAsync($"api/incidents/{incidentId}");
        return (
            (await commander.GetOkAsync("api/incidents")).ToString(),
            (await ncem.GetOkAsync("api/alerts")).ToString(),
            details.GetProperty("timeline").ToString(),
            (await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64());
    }
}
