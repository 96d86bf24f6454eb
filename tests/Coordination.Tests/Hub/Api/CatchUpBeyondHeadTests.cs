using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// A client that holds positions beyond the log's end (the hub was restored from a backup) is told so by catch-up,
/// with where the log it may see ends; a client catching up from a position it was given is never told so.
/// </summary>
[TestFixture]
public sealed class CatchUpBeyondHeadTests
{
    private HubHost _hub = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Realtime:HeartbeatInterval"] = "00:00:00.200" });
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
    }

    [OneTimeTearDown]
    public async Task Stop() => await _hub.DisposeAsync();

    [Test]
    public async Task A_commander_asking_after_the_log_s_end_gets_409_with_the_head_in_either_language()
    {
        using var commander = await _hub.ClientForAsync("commander");
        var head = (await commander.GetOkAsync("api/log?after=0&limit=1")).GetProperty("headPosition").GetInt64();

        var atHead = await commander.GetOkAsync($"api/log?after={head}");
        using var beyond = await commander.GetAsync(new Uri($"api/log?after={head + 40}", UriKind.Relative));
        var english = JsonDocument.Parse(await beyond.Content.ReadAsStringAsync()).RootElement;
        using var arabicRequest = new HttpRequestMessage(HttpMethod.Get, new Uri($"api/log?after={head + 40}", UriKind.Relative)) { Headers = { { "Accept-Language", "ar" } } };
        using var arabicResponse = await commander.SendAsync(arabicRequest);
        var arabic = JsonDocument.Parse(await arabicResponse.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(atHead.GetProperty("entries").GetArrayLength(), Is.Zero, "from its own head a client is simply up to date");
            Assert.That(atHead.GetProperty("nextAfter").GetInt64(), Is.EqualTo(head));
            Assert.That(beyond.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(english.GetProperty("headPosition").GetInt64(), Is.EqualTo(head));
            Assert.That(english.GetProperty("title").GetString(), Is.EqualTo("The log ends before your position"));
            Assert.That(english.GetProperty("detail").GetString(), Does.Contain($"after position {head + 40}").And.Contain($"ends at position {head}").And.Contain("restored from an earlier backup"));
            Assert.That(arabicResponse.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(arabic.GetProperty("headPosition").GetInt64(), Is.EqualTo(head));
            Assert.That(arabic.GetProperty("detail").GetString(), Does.Contain("استُعيد من نسخة احتياطية"));
        });
    }

    [Test]
    public async Task The_hub_method_refuses_alike_with_the_head_as_a_field()
    {
        await using var commander = await _hub.ConnectAsync("commander");
        var head = commander.LastPosition;

        // Far beyond: the commander's own catch-up of a restricted clash may have added an audit entry since.
        var refused = Assert.ThrowsAsync<HubException>(() => commander.Connection.InvokeAsync<CatchUpResponse>("CatchUp", head + 1000, 10));
        var problem = CoordinationException.FromHub(refused!);

        Assert.Multiple(() =>
        {
            Assert.That(problem?.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem?.HeadPosition, Is.GreaterThanOrEqualTo(head).And.LessThan(head + 1000));
        });
    }

    [Test]
    public async Task A_liaison_catching_up_from_positions_it_was_given_is_never_told_it_is_beyond_its_head()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        await operatorApi.PostOkAsync("api/incidents", new { hazard = "ArmedClash", severity = "Severe", title = "اشتباك آخر", district = "tripoli", classification = "Restricted", clearedAgencies = new[] { "security-tripoli" } });
        using var commander = await _hub.ClientForAsync("commander");
        var logHead = (await commander.GetOkAsync("api/log?after=0&limit=1")).GetProperty("headPosition").GetInt64();
        await using var redCrescent = await _hub.ConnectAsync("liaison.red-crescent");
        var heartbeats = new ConcurrentQueue<long>();
        using var subscription = redCrescent.Connection.On<long>("Heartbeat", heartbeats.Enqueue);
        using var liaisonApi = await _hub.ClientForAsync("liaison.red-crescent");
        var first = await liaisonApi.GetOkAsync("api/log?after=0&limit=1000");
        var ownHead = first.GetProperty("headPosition").GetInt64();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (heartbeats.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var fromOwnHead = await liaisonApi.GetOkAsync($"api/log?after={ownHead}");
        var fromNextAfter = await liaisonApi.GetOkAsync($"api/log?after={first.GetProperty("nextAfter").GetInt64()}");
        var fromHeartbeat = await liaisonApi.GetOkAsync($"api/log?after={heartbeats.Last()}");
        var fromLastApplied = await liaisonApi.GetOkAsync($"api/log?after={redCrescent.LastPosition}");
        using var beyond = await liaisonApi.GetAsync(new Uri($"api/log?after={ownHead + 1}", UriKind.Relative));
        var problem = JsonDocument.Parse(await beyond.Content.ReadAsStringAsync()).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(ownHead, Is.LessThan(logHead), "the restricted clash is beyond the Red Crescent's own head");
            Assert.That(heartbeats, Is.Not.Empty, "a heartbeat arrived");
            Assert.That(heartbeats.Last(), Is.EqualTo(ownHead));
            Assert.That(redCrescent.LastPosition, Is.EqualTo(ownHead));
            Assert.That(fromOwnHead.GetProperty("entries").GetArrayLength(), Is.Zero);
            Assert.That(fromNextAfter.GetProperty("entries").GetArrayLength(), Is.Zero);
            Assert.That(fromHeartbeat.GetProperty("entries").GetArrayLength(), Is.Zero);
            Assert.That(fromLastApplied.GetProperty("entries").GetArrayLength(), Is.Zero);
            Assert.That(beyond.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a position past its own head was not given by this log, though the log's head is further on");
            Assert.That(problem.GetProperty("headPosition").GetInt64(), Is.EqualTo(ownHead), "the liaison is told its own head, not the log's");
        });
    }

    [Test]
    public async Task A_client_beyond_the_end_is_told_where_the_log_ends_and_applies_what_is_logged_after_it()
    {
        using var commanderApi = await _hub.ClientForAsync("commander");
        var head = (await commanderApi.GetOkAsync("api/log?after=0&limit=1")).GetProperty("headPosition").GetInt64();
        var told = new ConcurrentQueue<long>();
        var options = new CoordinationClientOptions { StartAfter = head + 500, KeepHistory = true };

        await using var commander = await CoordinationClient.ConnectAsync(_hub.BaseAddress, "commander", HubHost.Password, options);
        commander.LogRewound += told.Enqueue;
        var rewoundAtConnect = commander.Rewinds;
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        var report = await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("بلاغ بعد الاستعادة"));
        var reportPosition = report.GetProperty("position").GetInt64();
        var applied = await commander.WaitUntilAsync(es => es.Any(e => e.Position == reportPosition));

        Assert.Multiple(() =>
        {
            Assert.That(rewoundAtConnect, Is.EqualTo(1), "told once, at its first catch-up");
            Assert.That(reportPosition, Is.LessThan(head + 500), "the new report is at a position the client had been past");
            Assert.That(applied.Single(e => e.Position == reportPosition).EventId, Is.Not.EqualTo(Guid.Empty));
            Assert.That(commander.LastPosition, Is.GreaterThanOrEqualTo(reportPosition));
            Assert.That(told, Is.Empty, "nothing more to tell after the first time");
        });
    }
}
