using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Security;

/// <summary>Sign-in, lockout, refresh, rate limits, and the headers every response carries.</summary>
[TestFixture]
public sealed class SignInTests
{
    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_only_that_account()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Security:MaxFailedSignIns"] = "5" });
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignIn(hub, "liaison.ncem", "guess-" + i);
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var locked = await SignIn(hub, "liaison.ncem", HubHost.Password);
        using var other = await SignIn(hub, "liaison.ambulance", HubHost.Password);
        Assert.Multiple(async () =>
        {
            Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(locked.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.FromMinutes(10)));
            Assert.That(await locked.Content.ReadAsStringAsync(), Does.Contain("locked until"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Sign_in_and_reporting_are_rate_limited_with_429_and_Retry_After()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Coordination:Security:SignInsPerMinute"] = "3",
            ["Coordination:Security:ReportsPerMinute"] = "2",
        });
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        using var third = await SignIn(hub, "liaison.ncem", HubHost.Password);
        using var fourth = await SignIn(hub, "liaison.ncem", HubHost.Password);

        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("1"));
        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("2"));
        // Two reports, the alerts each routes to, and the sample directory written at start: wait until the
        // head has stood still for a second, so only the refused report could move it.
        long head = -1;
        for (var still = 0; still < 10; await Task.Delay(100))
        {
            var now = (await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();
            still = now == head && now >= 14 ? still + 1 : 0;
            head = now;
        }

        using var tooMany = await operatorApi.PostAsJsonAsync("api/incidents", ApiCalls.DernaFlood("3"), HubHost.Json);

        Assert.Multiple(async () =>
        {
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fourth.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(fourth.Headers.RetryAfter?.Delta, Is.Not.Null);
            Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(tooMany.Headers.RetryAfter?.Delta, Is.Not.Null);
            Assert.That((await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64(), Is.EqualTo(head), "the refused report wrote nothing");
        });
    }

    [Test]
    public async Task A_refresh_token_works_once_and_a_reused_one_revokes_the_session()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var signIn = await SignIn(hub, "commander", HubHost.Password);
        var first = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("refreshToken").GetString();

        using var refreshed = await hub.Http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = first });
        var body = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement;
        var second = body.GetProperty("refreshToken").GetString();
        using var withNewToken = new HttpClient { BaseAddress = hub.BaseAddress };
        withNewToken.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("token").GetString());
        using var me = await withNewToken.GetAsync(new Uri("api/auth/me", UriKind.Relative));

        using var replay = await hub.Http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = first });
        using var afterReplay = await hub.Http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = second });
        Assert.Multiple(() =>
        {
            Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(afterReplay.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a replayed token revokes the whole session");
        });
    }

    [Test]
    public async Task Responses_carry_the_security_headers_and_other_origins_are_not_allowed()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Security:AllowedOrigins:0"] = "https://ops.example.ly" });
        using var plain = await hub.Http.GetAsync(new Uri("health/live", UriKind.Relative));
        using var evil = await Preflight(hub, "https://evil.example");
        using var allowed = await Preflight(hub, "https://ops.example.ly");
        Assert.Multiple(() =>
        {
            Assert.That(plain.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(plain.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(string.Join("", plain.Headers.GetValues("Content-Security-Policy")), Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'"));
            Assert.That(evil.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://ops.example.ly" }));
        });
    }

    private static Task<HttpResponseMessage> SignIn(HubHost hub, string user, string password) =>
        hub.Http.PostAsJsonAsync("api/auth/token", new { userName = user, password });

    private static Task<HttpResponseMessage> Preflight(HubHost hub, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("api/incidents", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return hub.Http.SendAsync(request);
    }
}
