using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Coordination.Hub.Auth;
using Coordination.Persistence.Dialects;
using Coordination.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Security;

/// <summary>
/// Sign-in state does not pile up: each hub deletes, every hour, the refresh tokens that have expired (used or not) and
/// the failed sign-ins older than the lockout. A used token is kept until it expires, since its second use is what
/// tells a copied token and ends the session.
/// </summary>
[TestFixture]
public sealed class SignInStatePurgeTests
{
    [Test]
    public async Task Expired_refresh_tokens_are_gone_after_the_hourly_purge_and_a_used_one_is_kept_until_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Security:RefreshTokenLifetime"] = "00:10:00" }, clock);

        // At the start: two sign-ins and a refresh, all expired ten minutes later.
        var first = await SignInAsync(hub);
        await SignInAsync(hub);
        await RefreshAsync(hub, first);
        clock.Advance(TimeSpan.FromMinutes(55));

        // Five minutes before the purge: a sign-in, and its token used at once for another.
        var used = await SignInAsync(hub);
        var current = await RefreshAsync(hub, used);
        var beforePurge = await TokenHashesAsync(hub);
        clock.Advance(TimeSpan.FromMinutes(5));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await TokenHashesAsync(hub)).Length > 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var afterPurge = await TokenHashesAsync(hub);
        using var reuse = await hub.Http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = used });
        using var afterReuse = await hub.Http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = current });
        Assert.Multiple(() =>
        {
            Assert.That(beforePurge, Has.Length.EqualTo(5), "every token issued is stored until a purge");
            Assert.That(afterPurge, Is.EquivalentTo(new[] { Hash(used), Hash(current) }), "the three expired rows are gone; the used one and its successor stay");
            Assert.That(reuse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(afterReuse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the kept used token, sent again, still ended the session");
        });
    }

    [Test]
    public async Task Failed_sign_ins_older_than_the_lockout_are_forgotten_by_the_hourly_purge_without_another_failure()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartFreshAsync(time: clock);
        using var failed = await hub.Http.PostAsJsonAsync("api/auth/token", new { userName = "no.such.user", password = "guessed-wrong" });
        var recorded = await FailureRowsAsync(hub);

        clock.Advance(SignInStatePurge.Interval);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await FailureRowsAsync(hub) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(recorded, Is.EqualTo(2), "counted for the name and for the address, which the row keeps");
            Assert.That(await FailureRowsAsync(hub), Is.Zero, "an hour on, past the 15-minute lockout, nothing of it is kept");
        });
    }

    private static async Task<long> FailureRowsAsync(HubHost hub)
    {
        await using var connection = hub.Services.GetRequiredService<ISqlDialect>().CreateConnection();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sign_in_failures");
    }

    private static async Task<string> SignInAsync(HubHost hub)
    {
        using var response = await hub.Http.PostAsJsonAsync("api/auth/token", new { userName = "commander", password = HubHost.Password });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("refreshToken").GetString()!;
    }

    private static async Task<string> RefreshAsync(HubHost hub, string refreshToken)
    {
        using var response = await hub.Http.PostAsJsonAsync("api/auth/refresh", new { refreshToken });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("refreshToken").GetString()!;
    }

    private static async Task<string[]> TokenHashesAsync(HubHost hub)
    {
        await using var connection = hub.Services.GetRequiredService<ISqlDialect>().CreateConnection();
        return (await connection.QueryAsync<byte[]>("SELECT token_hash FROM refresh_tokens")).Select(Convert.ToHexString).ToArray();
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
