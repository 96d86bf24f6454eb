using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Tests.Hub.Security;

/// <summary>A ministry's own OpenID Connect issuer (a real one on loopback, with discovery and keys) plugged in by configuration.</summary>
[TestFixture]
public sealed class ExternalIssuerTests
{
    [Test]
    public async Task Tokens_from_the_configured_issuer_are_accepted_with_their_role_and_agency_and_others_are_not()
    {
        using var rsa = RSA.Create(2048);
        await using var issuer = await StartIssuerAsync(rsa);
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Coordination:Auth:External:Authority"] = issuer.Address,
            ["Coordination:Auth:External:Audience"] = "coordination-hub",
            ["Coordination:Auth:External:RequireHttpsMetadata"] = "false",
        });

        using var liaison = Client(hub, Token(rsa, issuer.Address, "fatima.ncem", "Liaison", "ncem"));
        using var emperor = Client(hub, Token(rsa, issuer.Address, "someone", "Emperor", "ncem"));
        using var otherKey = RSA.Create(2048);
        using var forged = Client(hub, Token(otherKey, issuer.Address, "mallory", "Commander", "moi-duty"));
        using var builtIn = await hub.ClientForAsync("commander");

        using var me = await liaison.GetAsync(new Uri("api/auth/me", UriKind.Relative));
        var body = await me.Content.ReadAsStringAsync();
        using var inbox = await liaison.GetAsync(new Uri("api/alerts", UriKind.Relative));
        using var report = await liaison.PostAsync(new Uri("api/incidents", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var unknownRole = await emperor.GetAsync(new Uri("api/auth/me", UriKind.Relative));
        using var wrongKey = await forged.GetAsync(new Uri("api/auth/me", UriKind.Relative));
        using var stillBuiltIn = await builtIn.GetAsync(new Uri("api/auth/me", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(body, Does.Contain("fatima.ncem").And.Contain("Liaison").And.Contain("ncem"));
            Assert.That(inbox.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an external liaison is still a liaison");
            Assert.That(unknownRole.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(wrongKey.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(stillBuiltIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private static HttpClient Client(HubHost hub, string token)
    {
        var client = new HttpClient { BaseAddress = hub.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Token(RSA rsa, string issuer, string user, string role, string agency) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "coordination-hub",
            Expires = DateTime.UtcNow.AddMinutes(10),
            Subject = new ClaimsIdentity([new Claim("preferred_username", user), new Claim("role", role), new Claim("agency", agency)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "ministry-key" }, SecurityAlgorithms.RsaSha256),
        });

    private sealed class Issuer(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address { get; } = address;

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private static async Task<Issuer> StartIssuerAsync(RSA rsa)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var key = rsa.ExportParameters(includePrivateParameters: false);
        string? address = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new { issuer = address, jwks_uri = address + "/keys" }));
        app.MapGet("/keys", () => Results.Json(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "ministry-key", n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } },
        }));
        await app.StartAsync();
        address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Issuer(app, address);
    }
}
