using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Testing;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd.Faults;

/// <summary>
/// Who is listening, across two hub processes sharing one database and one broker: a liaison on hub A is on hub B's
/// board; when A is killed, B stops counting them within the documented expiry (three presence intervals) and flags
/// an alert to their agency at once; when A comes back, the liaison is on B's board again within seconds.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PresenceAcrossHubsTests : RabbitMqFixture
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    // Three intervals, as the README says; the slack is the bus's delivery and one read of the board.
    private static readonly TimeSpan Expiry = Interval * 3;
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private static readonly CoordinationClientOptions Reconnecting = new() { KeepHistory = true, MaxReconnectDelay = TimeSpan.FromMilliseconds(500) };

    private Dictionary<string, string?> Settings()
    {
        var settings = BusSettings();
        settings["Coordination:Realtime:PresenceInterval"] = "00:00:00.500";
        settings["Coordination:Realtime:FlagUnreachableAgencies"] = "true";
        settings["Coordination:Relay:LeaseDuration"] = "00:00:03";
        return settings;
    }

    [Test]
    public async Task A_liaison_on_a_killed_hub_leaves_the_other_hubs_board_within_the_expiry_and_their_agency_is_flagged()
    {
        using var data = new TempDirectory();
        var settings = Settings();
        await using var a = new HubProcess(data.Path, settings);
        await using var b = new HubProcess(data.Path, settings);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var dutyOnB = await ApiCalls.SignedInAsync(b.BaseAddress, "duty.operator");
        await using var commanderOnB = await CoordinationClient.ConnectAsync(b.BaseAddress, "commander", HubHost.Password, Reconnecting);
        await using var ncemOnA = await CoordinationClient.ConnectAsync(a.BaseAddress, "liaison.ncem", HubHost.Password, Reconnecting);

        var connected = await dutyOnB.WaitForAgencyAsync("ncem", l => PresenceBoard.Connections(l, "liaison.ncem") == 1);
        Assert.That(PresenceBoard.Unreachable(connected), Is.False, "hub B counts the liaison connected to hub A");

        await a.KillAsync();
        var sinceKill = Stopwatch.StartNew();
        var gone = await dutyOnB.WaitForAgencyAsync("ncem", PresenceBoard.Unreachable, Expiry + Slack + TimeSpan.FromSeconds(5));
        var tookOff = sinceKill.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(tookOff, Is.LessThanOrEqualTo(Expiry + Slack), "off the board within three presence intervals of the hub's death");
            Assert.That(gone.GetProperty("connected").GetInt32(), Is.Zero);
            Assert.That(PresenceBoard.Connections(gone, "liaison.ncem"), Is.Zero, "remembered, with no connection");
            Assert.That(gone.GetProperty("lastSeen").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.String), "when they were last seen");
        });

        // The relay may have been A's: B takes the lease over, and the flag follows the alert once it is published.
        var flood = (await dutyOnB.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var flagged = await commanderOnB.WaitUntilAsync(
            es => es.Any(e => e.IncidentId == flood && e.Type == EventTypes.AgencyUnreachable && e.DataAs<AgencyUnreachable>().Agency == "ncem"),
            TimeSpan.FromSeconds(30));
        Assert.That(flagged.Count(e => e.IncidentId == flood && e.Type == EventTypes.AgencyUnreachable && e.DataAs<AgencyUnreachable>().Agency == "ncem"), Is.EqualTo(1));
    }

    [Test]
    public async Task Presence_comes_back_within_seconds_of_a_hub_restart()
    {
        using var data = new TempDirectory();
        var settings = Settings();
        await using var a = new HubProcess(data.Path, settings);
        await using var b = new HubProcess(data.Path, settings);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var dutyOnB = await ApiCalls.SignedInAsync(b.BaseAddress, "duty.operator");
        var clientLog = new CapturedLog();
        using var logging = LoggerFactory.Create(l => l.AddProvider(clientLog).SetMinimumLevel(LogLevel.Debug));
        var options = new CoordinationClientOptions { KeepHistory = true, MaxReconnectDelay = Reconnecting.MaxReconnectDelay, Logging = logging };
        await using var ncemOnA = await CoordinationClient.ConnectAsync(a.BaseAddress, "liaison.ncem", HubHost.Password, options);
        await dutyOnB.WaitForAgencyAsync("ncem", l => PresenceBoard.Connections(l, "liaison.ncem") == 1);

        await a.KillAsync();
        await dutyOnB.WaitForAgencyAsync("ncem", PresenceBoard.Unreachable);
        await a.StartAsync(); // the same address: the client's reconnect finds it
        var sinceReady = Stopwatch.StartNew();
        JsonElement back;
        try
        {
            back = await dutyOnB.WaitForAgencyAsync("ncem", l => PresenceBoard.Connections(l, "liaison.ncem") == 1, TimeSpan.FromSeconds(30));
        }
        catch (AssertionException)
        {
            // Which side did not come back: the client's connection, or hub A's presence on hub B's board.
            TestContext.Out.WriteLine($"liaison's connection: {ncemOnA.Connection.State}\n{clientLog.Text}\n--- hub A ---\n{a.Output}\n--- hub B ---\n{b.Output}");
            throw;
        }

        var took = sinceReady.Elapsed;
        using var dutyOnA = await ApiCalls.SignedInAsync(a.BaseAddress, "duty.operator");
        var onA = await dutyOnA.WaitForAgencyAsync("ncem", l => PresenceBoard.Connections(l, "liaison.ncem") == 1, TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(5)), "the reconnected liaison is on the other hub's board within seconds of the restart");
            Assert.That(PresenceBoard.Unreachable(back), Is.False);
            Assert.That(PresenceBoard.Unreachable(onA), Is.False, "and on the restarted hub's own");
        });
    }
}
