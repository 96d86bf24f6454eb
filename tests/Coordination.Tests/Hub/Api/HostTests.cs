using System.Net;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>The hub's own surface: health, OpenAPI, sign-in.</summary>
[TestFixture]
public sealed class HostTests
{
    [Test]
    public async Task Health_OpenAPI_and_sign_in_answer_as_documented()
    {
        await using var hub = await HubHost.StartFreshAsync();

        using var live = await hub.Http.GetAsync(new Uri("health/live", UriKind.Relative));
        using var ready = await hub.Http.GetAsync(new Uri("health/ready", UriKind.Relative));
        using var openApi = await hub.Http.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));
        using var anonymous = await hub.Http.GetAsync(new Uri("api/incidents", UriKind.Relative));
        var document = await openApi.Content.ReadAsStringAsync();
        using var commander = await hub.ClientForAsync("commander");
        var me = await commander.GetOkAsync("api/auth/me");

        Assert.Multiple(() =>
        {
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(document, Does.Contain("/api/incidents").And.Contain("/api/log"));
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("Commander"));
        });
    }

    [Test]
    public async Task The_OpenAPI_document_names_each_endpoints_refusals_as_problem_details()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var document = System.Text.Json.JsonDocument.Parse(await hub.Http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");

        string[] Answers(string path, string method) =>
            [.. paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(r => r.Name)];

        string[] Security(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
                ? [.. security.EnumerateArray().SelectMany(s => s.EnumerateObject()).Select(s => s.Name)]
                : [];

        string ShapeOf(string path, string method, string status) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status)
                .GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetRawText();

        Assert.Multiple(() =>
        {
            Assert.That(Answers("/api/incidents", "post"), Is.SupersetOf(new[] { "400", "403", "409", "429" }));
            Assert.That(Answers("/api/incidents/{incidentId}/acknowledge", "post"), Is.SupersetOf(new[] { "400", "403", "404", "409" }));
            Assert.That(Answers("/api/log/verify", "get"), Is.SupersetOf(new[] { "403", "429" }));
            Assert.That(Answers("/api/incidents", "get"), Is.SupersetOf(new[] { "400", "403", "429" }));
            Assert.That(Answers("/api/incidents/{incidentId}", "get"), Is.SupersetOf(new[] { "403", "404", "429" }));
            Assert.That(Answers("/api/alerts", "get"), Is.SupersetOf(new[] { "400", "403", "429" }));
            Assert.That(Answers("/api/log", "get"), Is.SupersetOf(new[] { "400", "403", "429" }));
            Assert.That(Answers("/api/performance/agencies", "get"), Is.SupersetOf(new[] { "400", "403", "429" }));
            Assert.That(Answers("/api/auth/token", "post"), Is.SupersetOf(new[] { "400", "401", "429" }));
            // A format it does not write (ExportRegister's validator).
            Assert.That(Answers("/api/register/export", "get"), Does.Contain("400"));
            // Beyond its own refusals, a signed-in endpoint needs the bearer token and answers 401 without one; one that
            // reads a body answers 413 over the limit. Sign-in itself needs no token.
            Assert.That(Answers("/api/incidents", "get"), Does.Contain("401"));
            Assert.That(Answers("/api/register/gaps", "get"), Does.Contain("401"));
            Assert.That(Answers("/api/incidents", "post"), Is.SupersetOf(new[] { "401", "413" }));
            Assert.That(Answers("/api/register/import", "post"), Does.Contain("413"));
            Assert.That(ShapeOf("/api/incidents", "get", "401"), Does.Contain("ProblemDetails"));
            Assert.That(Security("/api/incidents", "get"), Is.EqualTo(new[] { "Bearer" }));
            Assert.That(Security("/api/auth/token", "post"), Is.Empty);
            Assert.That(document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString(), Is.EqualTo("bearer"));
            Assert.That(ShapeOf("/api/incidents", "post", "400"), Does.Contain("HttpValidationProblemDetails"));
            Assert.That(ShapeOf("/api/incidents", "post", "409"), Does.Contain("ProblemDetails"));
        });
    }

    [Test]
    public void An_unknown_storage_provider_stops_the_hub_at_start_naming_the_setting()
    {
        using var data = new TempDirectory();
        var error = Assert.CatchAsync(async () => await HubHost.StartAsync(data.Path, new Dictionary<string, string?> { ["Coordination:Storage:Provider"] = "Oracle" }));
        Assert.That(error!.ToString(), Does.Contain("Coordination:Storage:Provider"));
    }
}
