using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Tests.Hub.Security;

/// <summary>Sign-in, failed sign-ins (locked out per address, held per account, answered alike), refresh, rate limits, and the headers responses carry.</summary>
[TestFixture]
public sealed class SignInTests
{
    [Test]
    public async Task Failures_from_one_address_lock_out_only_that_address_and_the_owner_signs_in_from_another_after_a_short_hold()
    {
        var clock = new WaitWatchingClock();
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Security:MaxFailedSignIns"] = "5" }, clock);
        using var attacker = LoopbackClient.From("127.0.0.2", hub.BaseAddress);
        using var owner = LoopbackClient.From("127.0.0.3", hub.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignIn(attacker, "commander", "guess-" + i);
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        // The account is slowed down, not locked: the owner's attempt is held a second, then let in.
        var ownerSignIn = SignIn(owner, "commander", HubHost.Password);
        await clock.ReleaseWaitOfAsync(TimeSpan.FromSeconds(1));
        using var ownerIn = await ownerSignIn;
        // The success ended the hold; the attacker's address stays locked out of this account, right password or not.
        using var attackerRight = await SignIn(attacker, "commander", HubHost.Password).WaitAsync(Answered);
        using var attackerOther = await SignIn(attacker, "liaison.ncem", HubHost.Password).WaitAsync(Answered);
        Assert.Multiple(() =>
        {
            Assert.That(ownerIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(attackerRight.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(attackerOther.StatusCode, Is.EqualTo(HttpStatusCode.OK), "only that account is locked for that address");
        });
    }

    [Test]
    public async Task After_failures_from_anywhere_each_attempt_is_held_longer_up_to_MaxSignInDelay_and_a_success_ends_the_holds()
    {
        var clock = new WaitWatchingClock();
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Coordination:Security:MaxFailedSignIns"] = "2",
            ["Coordination:Security:MaxSignInDelay"] = "00:00:07",
        }, clock);
        // One wrong guess from each of many addresses: no address is locked out, the account is slowed down.
        var holds = new[] { 0, 0, 1, 2, 4, 7, 7 };
        for (var i = 0; i < holds.Length; i++)
        {
            using var guesser = LoopbackClient.From($"127.0.0.{10 + i}", hub.BaseAddress);
            var guess = SignIn(guesser, "duty.operator", "guess-" + i);
            if (holds[i] > 0)
            {
                await clock.ReleaseWaitOfAsync(TimeSpan.FromSeconds(holds[i]));
            }

            using var refused = await guess.WaitAsync(Answered);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var owner = LoopbackClient.From("127.0.0.2", hub.BaseAddress);
        var ownerSignIn = SignIn(owner, "duty.operator", HubHost.Password);
        await clock.ReleaseWaitOfAsync(TimeSpan.FromSeconds(7));
        using var ownerIn = await ownerSignIn.WaitAsync(Answered);
        using var typo = await SignIn(owner, "duty.operator", "typo").WaitAsync(Answered);
        Assert.Multiple(() =>
        {
            Assert.That(ownerIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "held at most MaxSignInDelay, then let in");
            Assert.That(typo.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "answered at once: the success started the count again");
        });
    }

    [Test]
    public async Task An_unknown_name_a_wrong_password_a_disabled_user_and_a_locked_out_address_get_the_same_answer()
    {
        var clock = new WaitWatchingClock();
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Security:MaxFailedSignIns"] = "5" }, clock);
        using var admin = await hub.ClientForAsync("admin");
        await admin.PostOkAsync("api/admin/users/liaison.ambulance/disable", new { });
        using var client = LoopbackClient.From("127.0.0.2", hub.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            (await SignIn(client, "liaison.ncem", "guess-" + i)).Dispose();
            (await SignIn(client, "nobody.here", "guess-" + i)).Dispose();
        }

        // The real account and the unknown name went the same way: both are now held a second.
        var lockedOutTry = SignIn(client, "liaison.ncem", HubHost.Password);
        var unknownTry = SignIn(client, "nobody.here", HubHost.Password);
        await clock.ReleaseWaitOfAsync(TimeSpan.FromSeconds(1), waits: 2);
        var lockedOut = await Answer(await lockedOutTry.WaitAsync(Answered));
        var unknownAfterFailures = await Answer(await unknownTry.WaitAsync(Answered));
        var unknown = await Answer(await SignIn(client, "nobody.else", HubHost.Password).WaitAsync(Answered));
        var wrongPassword = await Answer(await SignIn(client, "commander", "not-the-password").WaitAsync(Answered));
        var disabled = await Answer(await SignIn(client, "liaison.ambulance", HubHost.Password).WaitAsync(Answered));

        Assert.Multiple(() =>
        {
            Assert.That(unknown, Does.StartWith("401 "));
            Assert.That(unknown, Does.Not.Contain("locked"));
            Assert.That(lockedOut, Is.EqualTo(unknown), "locked out");
            Assert.That(unknownAfterFailures, Is.EqualTo(unknown), "unknown, after failures");
            Assert.That(wrongPassword, Is.EqualTo(unknown), "wrong password");
            Assert.That(disabled, Is.EqualTo(unknown), "disabled");
        });
    }

    [Test]
    public async Task An_administrator_unlocks_an_account_its_user_signs_in_at_once_and_the_unlock_is_on_the_directory_stream()
    {
        var clock = new WaitWatchingClock();
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Security:MaxFailedSignIns"] = "5" }, clock);
        using var admin = await hub.ClientForAsync("admin");
        using var commander = await hub.ClientForAsync("commander");
        using var desk = LoopbackClient.From("127.0.0.2", hub.BaseAddress);
        for (var i = 0; i < 5; i++)
        {
            (await SignIn(desk, "liaison.ncem", "guess-" + i)).Dispose();
        }

        var lockedTry = SignIn(desk, "liaison.ncem", HubHost.Password);
        await clock.ReleaseWaitOfAsync(TimeSpan.FromSeconds(1));
        using var locked = await lockedTry.WaitAsync(Answered);
        var unlocked = await admin.PostOkAsync("api/admin/users/liaison.ncem/unlock", new { });
        using var afterUnlock = await SignIn(desk, "liaison.ncem", HubHost.Password).WaitAsync(Answered);
        var entry = (await commander.ReadLogAsync()).Single(e => e.Type == EventTypes.UserUnlocked);
        Assert.Multiple(() =>
        {
            Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(afterUnlock.StatusCode, Is.EqualTo(HttpStatusCode.OK), "no hold and no lock left");
            Assert.That(entry.Position, Is.EqualTo(unlocked.GetProperty("position").GetInt64()));
            Assert.That(entry.IncidentId, Is.EqualTo(SystemStreams.Directory));
            Assert.That(entry.Metadata.Actor, Is.EqualTo("admin"));
            Assert.That(entry.DataAs<UserUnlocked>(), Is.EqualTo(new UserUnlocked("liaison.ncem", "admin")));
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
        using var tooMany = await operatorApi.PostAsJsonAsync("api/incidents", ApiCalls.DernaFlood("3"), HubHost.Json);
        // A report is written before it is answered: had the refused one been, the log would hold it now.
        var reported = (await commander.ReadLogAsync()).Where(e => e.Type == EventTypes.IncidentReported).Select(e => e.Data.GetProperty("title").GetString());

        Assert.Multiple(async () =>
        {
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fourth.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(fourth.Headers.RetryAfter?.Delta, Is.Not.Null);
            Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(tooMany.Headers.RetryAfter?.Delta, Is.Not.Null);
            Assert.That(reported, Is.EqualTo(new[] { "1", "2" }), "the refused report wrote nothing");
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
    public async Task Token_answers_may_not_be_stored_by_a_browser_or_a_proxy()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var signIn = await SignIn(hub, "commander", HubHost.Password);
        var refreshToken = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("refreshToken").GetString();
        using var refreshed = await hub.Http.PostAsJsonAsync("api/auth/refresh", new { refreshToken });
        foreach (var response in new[] { signIn, refreshed })
        {
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.RequestMessage?.RequestUri?.ToString());
                Assert.That(response.Headers.Pragma.ToString(), Is.EqualTo("no-cache"));
            });
        }
    }

    [Test]
    public async Task A_401_for_an_expired_or_forged_token_says_Bearer_and_nothing_about_why()
    {
        await using var hub = await HubHost.StartFreshAsync();
        var commander = new HubUser("commander", "القائد", Role.Commander, "moi-duty");
        var auth = hub.Services.GetRequiredService<AuthOptions>();
        var expired = new TokenIssuer(hub.Services.GetRequiredService<SymmetricSecurityKey>(), auth, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1))).Issue(commander).Token;
        var forged = new TokenIssuer(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), auth, TimeProvider.System).Issue(commander).Token;
        foreach (var (name, token) in new[] { ("expired", expired), ("forged", forged) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/auth/me", UriKind.Relative));
            request.Headers.Authorization = new("Bearer", token);
            using var response = await hub.Http.SendAsync(request);
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), name);
                Assert.That(response.Headers.GetValues("WWW-Authenticate"), Is.EqualTo(new[] { "Bearer" }), name);
            });
        }
    }

    [Test]
    public async Task Responses_carry_the_security_headers_the_policy_connects_only_to_the_hub_and_allowed_origins_and_others_are_not_allowed()
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
            Assert.That(Directive(plain, "connect-src"), Is.EqualTo("connect-src 'self' https://ops.example.ly"), "no bare ws: or wss:, which would reach any host");
            Assert.That(evil.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://ops.example.ly" }));
        });
    }

    // Bounds an answer that must come without moving the clock: a request held by mistake fails the test, not hangs it.
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(30);

    private static Task<HttpResponseMessage> SignIn(HubHost hub, string user, string password) => SignIn(hub.Http, user, password);

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("api/auth/token", new { userName = user, password });

    /// <summary>Status, headers but the date, and body but the trace id, of an answer: what must not tell refusals apart.</summary>
    private static async Task<string> Answer(HttpResponseMessage response)
    {
        using (response)
        {
            var headers = response.Headers.Concat(response.Content.Headers).Where(h => h.Key != "Date").Select(h => $"{h.Key}: {string.Join(",", h.Value)}").Order();
            var body = Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"");
            return $"{(int)response.StatusCode} {string.Join("\n", headers)}\n{body}";
        }
    }

    private static string Directive(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal));

    private static Task<HttpResponseMessage> Preflight(HubHost hub, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("api/incidents", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return hub.Http.SendAsync(request);
    }
}
