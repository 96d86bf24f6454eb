using System.Net;
using System.Text.Json;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>
/// Who is listening: the agency board follows real SignalR clients as they connect and leave, and an alert to an
/// agency with nobody connected is flagged on its incident once, live, while an alert to a connected agency is not.
/// </summary>
[TestFixture]
public sealed class PresenceTests
{
    // Short, so presence settles and is republished quickly; the flag is on, as in production.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Coordination:Realtime:PresenceInterval"] = "00:00:00.500",
        ["Coordination:Realtime:FlagUnreachableAgencies"] = "true",
    };

    [Test]
    public async Task The_board_shows_a_liaison_while_connected_and_the_agency_unreachable_once_they_leave()
    {
        await using var hub = await HubHost.StartFreshAsync(Settings);
        using var duty = await hub.ClientForAsync("duty.operator");

        var before = await duty.AgencyAsync( "ncem");
        Assert.That(before.GetProperty("unreachable").GetBoolean(), Is.True, "nobody of NCEM is connected yet");

        var first = await hub.ConnectAsync("liaison.ncem");
        var second = await hub.ConnectAsync("liaison.ncem");
        var connected = await duty.WaitForAgencyAsync( "ncem", a => PresenceBoard.User(a, "liaison.ncem") is { } u && u.GetProperty("connections").GetInt32() == 2);
        Assert.Multiple(() =>
        {
            Assert.That(connected.GetProperty("connected").GetInt32(), Is.EqualTo(1), "one liaison");
            Assert.That(connected.GetProperty("unreachable").GetBoolean(), Is.False);
            Assert.That(PresenceBoard.User(connected, "liaison.ncem")!.Value.GetProperty("since").ValueKind, Is.EqualTo(JsonValueKind.String));
        });

        await first.DisposeAsync();
        var one = await duty.WaitForAgencyAsync( "ncem", a => PresenceBoard.User(a, "liaison.ncem") is { } u && u.GetProperty("connections").GetInt32() == 1);
        Assert.That(one.GetProperty("unreachable").GetBoolean(), Is.False, "still one connection open");

        await second.DisposeAsync();
        var gone = await duty.WaitForAgencyAsync( "ncem", a => a.GetProperty("unreachable").GetBoolean());
        Assert.Multiple(() =>
        {
            Assert.That(gone.GetProperty("connected").GetInt32(), Is.Zero);
            Assert.That(PresenceBoard.User(gone, "liaison.ncem")!.Value.GetProperty("connections").GetInt32(), Is.Zero, "remembered, with no connection");
            Assert.That(gone.GetProperty("lastSeen").ValueKind, Is.EqualTo(JsonValueKind.String), "when they were last seen");
        });
    }

    [Test]
    public async Task A_liaison_sees_only_their_own_agency_and_an_administrator_is_refused()
    {
        await using var hub = await HubHost.StartFreshAsync(Settings);
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var admin = await hub.ClientForAsync("admin");
        await using var live = await hub.ConnectAsync("liaison.ncem");

        var board = await ncem.GetOkAsync("api/presence");
        using var refused = await admin.GetAsync(new Uri("api/presence", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(board.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString()), Is.EqualTo(new[] { "ncem" }));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task An_alert_to_an_agency_with_nobody_connected_is_flagged_once_and_pushed_and_a_connected_agency_is_not()
    {
        await using var hub = await HubHost.StartFreshAsync(Settings);
        using var duty = await hub.ClientForAsync("duty.operator");
        await using var commander = await hub.ConnectAsync("commander");
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        await duty.WaitForAgencyAsync( "ncem", a => !a.GetProperty("unreachable").GetBoolean());

        var flood = await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        var floodId = flood.GetProperty("incidentId").GetGuid();
        var alerted = (await duty.ReadLogAsync())
            .Where(e => e.IncidentId == floodId && e.Type == EventTypes.AgencyAlerted)
            .Select(e => e.DataAs<AgencyAlerted>().Agency).ToArray();
        Assert.That(alerted, Does.Contain("ncem").And.Contain("civil-defence"));

        // Nobody of the others is connected: each is flagged, and the commander sees it live.
        foreach (var agency in alerted.Where(a => a != "ncem"))
        {
            await commander.WaitForAsync(e => e.IncidentId == floodId && e.Type == EventTypes.AgencyUnreachable && e.DataAs<AgencyUnreachable>().Agency == agency, TimeSpan.FromSeconds(20));
        }

        // A later report is judged after the flood's alerts (one queue, in log order): once its flag has arrived,
        // the flood's NCEM alert has been judged too.
        var clash = await duty.PostOkAsync("api/incidents", new
        {
            hazard = "ArmedClash", severity = "Severe", urgency = "Immediate", certainty = "Observed",
            title = "اشتباك مسلح في طرابلس", district = "tripoli",
        });
        var clashId = clash.GetProperty("incidentId").GetGuid();
        await commander.WaitForAsync(e => e.IncidentId == clashId && e.Type == EventTypes.AgencyUnreachable, TimeSpan.FromSeconds(20));

        var flags = commander.Applied.Where(e => e.Type == EventTypes.AgencyUnreachable).Select(e => (e.IncidentId, e.DataAs<AgencyUnreachable>().Agency)).ToArray();
        var detail = await duty.GetOkAsync($"api/incidents/{floodId}");
        Assert.Multiple(() =>
        {
            Assert.That(flags.Where(f => f.IncidentId == floodId).Select(f => f.Agency), Is.EquivalentTo(alerted.Where(a => a != "ncem")), "each unreachable agency once, NCEM never");
            Assert.That(flags, Is.Unique);
            Assert.That(detail.GetProperty("timeline").EnumerateArray().Count(t => t.GetProperty("type").GetString() == EventTypes.AgencyUnreachable),
                Is.EqualTo(alerted.Length - 1), "on the incident's timeline");
        });
    }
}
