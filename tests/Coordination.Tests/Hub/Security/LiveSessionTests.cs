using System.Net;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Security;

/// <summary>
/// A live connection answers to its token and its account as they are now, not as they were at connect: it closes
/// when the token expires and when an administrator disables the user, and every call re-checks the caller.
/// </summary>
[TestFixture]
public sealed class LiveSessionTests
{
    [Test]
    public async Task Disabling_a_user_closes_their_live_connection_within_seconds_and_refuses_their_token_everywhere()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        var token = await hub.SignInAsync("liaison.ncem");
        await using var live = Connect(hub, token);
        var closed = ClosedSignal(live);
        await live.StartAsync();
        var before = await live.InvokeAsync<CatchUpResponse>("CatchUp", 0L, 10);

        await admin.PostOkAsync("api/admin/users/liaison.ncem/disable", new { });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var rest = new HttpClient { BaseAddress = hub.BaseAddress };
        rest.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var restAfter = await rest.GetAsync(new Uri("api/alerts", UriKind.Relative));
        await using var again = Connect(hub, token);
        var refusedAgain = ClosedSignal(again);
        await again.StartAsync();
        var reconnectRefusal = await refusedAgain.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(async () =>
        {
            Assert.That(before.Entries, Is.Not.Null, "the connection worked before the disable");
            Assert.That(live.State, Is.EqualTo(HubConnectionState.Disconnected));
            Assert.That(restAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(restAfter.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer error=\"invalid_token\""));
            Assert.That(JsonDocument.Parse(await restAfter.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(), Is.EqualTo("Session ended"));
            Assert.That(reconnectRefusal?.Message, Does.Contain("\"status\":401"), "a new connection with the same token is refused when it opens");
        });
    }

    [Test]
    public async Task A_live_connection_closes_when_its_token_expires_and_a_fresh_token_connects_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Auth:TokenLifetime"] = "00:10:00" }, clock);
        var token = await hub.SignInAsync("liaison.ncem");
        await using var live = Connect(hub, token);
        var closed = ClosedSignal(live);
        await live.StartAsync();

        clock.Advance(TimeSpan.FromMinutes(9));
        var stillOpen = await live.InvokeAsync<CatchUpResponse>("CatchUp", 0L, 10);
        clock.Advance(TimeSpan.FromMinutes(1));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The hub's own clock says the token has expired: REST refuses it through the same check.
        using var rest = new HttpClient { BaseAddress = hub.BaseAddress };
        rest.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var restAfter = await rest.GetAsync(new Uri("api/incidents", UriKind.Relative));
        await using var fresh = Connect(hub, await hub.SignInAsync("liaison.ncem"));
        await fresh.StartAsync();
        var works = await fresh.InvokeAsync<CatchUpResponse>("CatchUp", 0L, 10);

        Assert.Multiple(() =>
        {
            Assert.That(stillOpen.Entries, Is.Not.Null);
            Assert.That(live.State, Is.EqualTo(HubConnectionState.Disconnected));
            Assert.That(restAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(works.Entries, Is.Not.Null);
        });
    }

    [Test]
    public async Task A_user_given_another_agency_loses_the_connection_opened_as_the_old_one()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        await using var live = Connect(hub, await hub.SignInAsync("liaison.ncem"));
        var closed = ClosedSignal(live);
        await live.StartAsync();

        await admin.PostOkAsync("api/admin/users", new { userName = "liaison.ncem", displayName = "ضابط اتصال", role = "Liaison", agency = "civil-defence" });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(live.State, Is.EqualTo(HubConnectionState.Disconnected));
    }

    [Test]
    public async Task One_user_may_hold_only_the_configured_number_of_live_connections()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Security:MaxConnectionsPerUser"] = "2" });
        var token = await hub.SignInAsync("liaison.ncem");
        await using var first = Connect(hub, token);
        await using var second = Connect(hub, token);
        await using var third = Connect(hub, token, "ar");
        await first.StartAsync();
        await second.StartAsync();
        var refused = ClosedSignal(third);
        await third.StartAsync();
        var refusal = await refused.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await first.StopAsync();
        await using var fourth = Connect(hub, token);
        var fourthClosed = ClosedSignal(fourth);
        await fourth.StartAsync();
        var works = await fourth.InvokeAsync<CatchUpResponse>("CatchUp", 0L, 10);

        Assert.Multiple(() =>
        {
            Assert.That(refusal?.Message, Does.Contain("\"status\":429").And.Contain("لديك 2 اتصالات مفتوحة"));
            Assert.That(works.Entries, Is.Not.Null, "a connection closed frees its place");
            Assert.That(fourthClosed.Task.IsCompleted, Is.False);
            Assert.That(second.State, Is.EqualTo(HubConnectionState.Connected));
        });
    }

    private static HubConnection Connect(HubHost hub, string token, string language = "en") =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(hub.BaseAddress, HubPaths.Coordination.TrimStart('/')), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Headers["Accept-Language"] = language;
            })
            .AddJsonProtocol(o => ContractJson.Apply(o.PayloadSerializerOptions))
            .Build();

    private static TaskCompletionSource<Exception?> ClosedSignal(HubConnection connection)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return closed;
    }
}
