using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// Refusals the framework or a deep layer words (a stale version, a body over the limit, no token, a wrong method, a
/// CAP message that cannot be read) are told to an Arabic caller in Arabic, naming the field, like every other; a value
/// the caller sent comes back in a refusal cut short and with its hidden characters shown, never as sent.
/// One hub for the fixture, with a routed incident (its flood plan activated) and a restricted one.
/// </summary>
[TestFixture]
public sealed partial class RefusalLanguageTests
{
    private HubHost _hub = null!;
    private SignedInClients _clients = null!;
    private string _incidentId = "";
    private string _restrictedId = "";

    [OneTimeSetUp]
    public async Task StartHubWithTwoIncidents()
    {
        _hub = await HubHost.StartFreshAsync();
        _clients = await SignedInClients.ForAsync(_hub, ["duty.operator", "liaison.ncem", "admin", ""]);
        _incidentId = (await _clients["duty.operator"].PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetString()!;
        _restrictedId = (await _clients["duty.operator"].PostOkAsync("api/incidents", new
        {
            hazard = "Flood", severity = "Minor", title = "تسرب في خزان", district = "tripoli", classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetString()!;
        await _clients["liaison.ncem"].WaitForAlertsAsync();
    }

    [OneTimeTearDown]
    public async Task StopHub()
    {
        _clients.Dispose();
        await _hub.DisposeAsync();
    }

    [TestCase("liaison.ncem", "{id}/acknowledge", """{"expectedVersion":1}""")]
    [TestCase("duty.operator", "{id}/updates", """{"text":"ارتفاع المياه","expectedVersion":1}""")]
    [TestCase("duty.operator", "{id}/status", """{"status":"Responding","expectedVersion":1}""")]
    [TestCase("duty.operator", "{restricted}/clearance", """{"grant":["civil-defence"],"reason":"للإنقاذ","expectedVersion":1}""")]
    [TestCase("duty.operator", "{id}/plans/flood-derna/stand-down", """{"reason":"انتهى","expectedVersion":1}""")]
    [TestCase("liaison.ncem", "{id}/plans/flood-derna/tasks/ncem-operations-room/acknowledge", """{"expectedVersion":1}""")]
    public async Task A_stale_expected_version_is_refused_in_Arabic(string user, string path, string body)
    {
        var (response, problem, text) = await SendAsync(user, "POST", "api/incidents/" + path, body);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), text);
            Assert.That(Member(problem, "title"), Is.EqualTo("تغيّر البلاغ منذ أن قرأته؛ حدّث الصفحة وأعد المحاولة."));
            Assert.That(Member(problem, "detail"), Does.Contain("لا الإصدار المتوقع 1:"));
            AssertArabic(Member(problem, "detail"));
        });
    }

    [TestCase("duty.operator", "api/incidents", "application/json", 256 * 1024)]
    [TestCase("", "api/auth/token", "application/json", 256 * 1024)]
    [TestCase("duty.operator", "api/cap", "application/cap+xml", 256 * 1024)]
    [TestCase("admin", "api/register/import?reason=x", "text/csv", 4 * 1024 * 1024)]
    public async Task A_body_over_its_address_limit_is_refused_in_Arabic_naming_the_limit(string user, string path, string contentType, int limit)
    {
        var filler = new string('x', limit + 1024);
        var body = contentType switch
        {
            "application/json" => $$"""{"title":"{{filler}}"}""",
            "application/cap+xml" => $"<alert>{filler}</alert>",
            _ => filler,
        };
        // As a client sending a large body does: it waits for the hub's go-ahead, so the refusal comes before the bytes.
        var (response, problem, text) = await SendAsync(user, "POST", path, body, contentType, expectContinue: true);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Member(problem, "title"), Is.EqualTo("حجم الطلب أكبر من المسموح."));
            Assert.That(Member(problem, "detail"), Does.Contain(limit.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain($"{limit / 1024} KB"));
            Assert.That(Member(problem, "detail"), Does.Not.Contain("Request body too large"));
            AssertArabic(Member(problem, "detail"));
        });
    }

    [TestCase("no token", "GET", "api/incidents", HttpStatusCode.Unauthorized, "POST /api/auth/token")]
    [TestCase("a forged token", "GET", "api/incidents", HttpStatusCode.Unauthorized, "Authorization: Bearer")]
    [TestCase("a method the address does not take", "PUT", "api/incidents", HttpStatusCode.MethodNotAllowed, "GET، POST")]
    public async Task A_refusal_by_status_alone_is_told_in_Arabic_with_what_to_do(string what, string method, string path, HttpStatusCode status, string says)
    {
        using var request = Arabic(method, path, method == "PUT" ? "{}" : null);
        if (what == "a forged token")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjb21tYW5kZXIifQ.Zm9yZ2Vk");
        }

        using var response = await _clients[what == "a method the address does not take" ? "duty.operator" : ""].SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), text);
            Assert.That(Member(problem, "title"), Is.Not.EqualTo("Unauthorized").And.Not.EqualTo("Method Not Allowed"));
            AssertArabic(Member(problem, "title"));
            Assert.That(Member(problem, "detail"), Does.Contain(says));
            AssertArabic(Member(problem, "detail"));
            if (status == HttpStatusCode.Unauthorized)
            {
                Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"), "still nothing about why the token failed");
            }
        });
    }

    public static IEnumerable<TestCaseData> BadCredentials() =>
    [
        new TestCaseData("api/auth/refresh", """{"refreshToken":null}""", "refreshToken", "مطلوب").SetName("refresh with a null token"),
        new TestCaseData("api/auth/refresh", """{"refreshToken":"   "}""", "refreshToken", "مطلوب").SetName("refresh with a token of spaces"),
        new TestCaseData("api/auth/token", """{"password":"Derna-2023"}""", "userName", "مطلوب").SetName("sign-in without a user name"),
        new TestCaseData("api/auth/token", """{"userName":"commander"}""", "password", "مطلوب").SetName("sign-in without a password"),
        new TestCaseData("api/auth/token", $$"""{"userName":"{{new string('a', 100_000)}}","password":"Derna-2023"}""", "userName", "64").SetName("sign-in with a 100,000-character user name"),
        new TestCaseData("api/auth/token", $$"""{"userName":"commander","password":"{{new string('a', 100_000)}}"}""", "password", "200").SetName("sign-in with a 100,000-character password"),
    ];

    [TestCaseSource(nameof(BadCredentials))]
    public async Task Sign_in_and_refresh_name_each_bad_field_by_its_JSON_name_in_Arabic(string path, string body, string field, string says)
    {
        var (response, problem, text) = await SendAsync("", "POST", path, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(errors.Keys, Is.EqualTo(new[] { field }), text);
            Assert.That(errors[field].Single(), Does.Contain(field).And.Contain(says));
            AssertArabic(errors[field].Single());
            Assert.That(text.Length, Is.LessThan(2000), "the value is not sent back");
            if (says != "مطلوب")
            {
                Assert.That(errors[field].Single(), Does.Not.Contain("مطلوب"), "an over-long value is told apart from a missing one");
            }
        });
    }

    public static IEnumerable<TestCaseData> HostileValues()
    {
        var values = new[] { ("a bidi override", "abc\u202Edef"), ("a bidi isolate", "abc\u2066def"), ("a zero-width space", "abc\u200Bdef"), ("100,000 characters", new string('q', 100_000)) };
        foreach (var (what, value) in values)
        {
            var json = JsonSerializer.Serialize(value);
            yield return new TestCaseData("admin", "POST", "api/admin/users", $$"""{"userName":"new.liaison","displayName":"ضابط","role":"Liaison","agency":{{json}},"password":"a-long-enough-password"}""", "agency")
                .SetName($"a user's agency with {what}");
            yield return new TestCaseData("duty.operator", "POST", "api/incidents/{restricted}/clearance", $$"""{"grant":[{{json}}],"reason":"للإنقاذ"}""", "grant[0]")
                .SetName($"a clearance granted to {what}");
            yield return new TestCaseData("duty.operator", "POST", "api/incidents", $$"""{"hazard":"Flood","severity":"Minor","title":"x","district":{{json}}}""", "district")
                .SetName($"a report's district with {what}");
            yield return new TestCaseData("admin", "PUT", "api/admin/routing-rules", $$"""{"rules":[{"id":"heat-south","hazards":[],"minimumSeverity":"Minor","districts":[],"agencies":[{{json}}]}],"reason":"x"}""", "rules[0].agencies")
                .SetName($"a routing rule alerting {what}");
        }
    }

    [TestCaseSource(nameof(HostileValues))]
    public async Task A_value_the_caller_sent_comes_back_short_and_with_its_hidden_characters_shown(string user, string method, string path, string body, string field)
    {
        var (response, problem, text) = await SendAsync(user, method, path, body);
        var detail = Member(problem, "detail");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Does.Contain(field), text);
            Assert.That(text.Length, Is.LessThan(2000), "a long value is cut short");
            // Compared by code: a culture's comparison ignores these very characters.
            Assert.That(detail.IndexOfAny(['\u202E', '\u2066', '\u200B']), Is.EqualTo(-1), "no hidden character sent back");
            Assert.That(detail, Does.Contain("abc").Or.Contain("qqq…"));
            if (!detail.Contains("qqq", StringComparison.Ordinal))
            {
                Assert.That(detail, Does.Match(@"abc\\u(202E|2066|200B)def"), "the hidden character is shown by its code");
            }
        });
    }

    public static IEnumerable<TestCaseData> BadStandardMessages()
    {
        var warning = CapTrustTests.Warning("alerts@ncem.gov.ly", out _);
        var test = warning.Replace("<cap:status>Actual</cap:status>", "<cap:status>Test</cap:status>", StringComparison.Ordinal);
        yield return new TestCaseData("api/cap", "{\"alert\":1}", "cap", "السطر 1").SetName("CAP that is not XML");
        yield return new TestCaseData("api/cap", test, "status", "Test").SetName("a CAP test message");
        yield return new TestCaseData("api/cap", warning.Replace("<cap:scope>Public</cap:scope>", "<cap:scope>Restricted</cap:scope>", StringComparison.Ordinal), "restriction", "Restricted")
            .SetName("a restricted CAP message without its restriction");
        yield return new TestCaseData("api/cap", ReplaceFirst(warning, "<cap:severity>Severe</cap:severity>", "<cap:severity>Huge</cap:severity>"), "info[0].severity", "severity")
            .SetName("a CAP severity that is not one of CAP's");
        yield return new TestCaseData("api/edxl", EdxlImportTests.Envelope([]), "contentObject", "CAP 1.2").SetName("an envelope with no CAP inside");
        yield return new TestCaseData("api/edxl", EdxlImportTests.Envelope([EdxlImportTests.Bare(warning), EdxlImportTests.Bare(test)]), "alert[2].status", "Test")
            .SetName("an envelope whose second alert is a test message");
    }

    [TestCaseSource(nameof(BadStandardMessages))]
    public async Task A_CAP_or_EDXL_refusal_is_in_Arabic_keyed_by_the_element_at_fault(string path, string xml, string field, string says)
    {
        var (response, problem, text) = await SendAsync("duty.operator", "POST", path, xml, path == "api/cap" ? "application/cap+xml" : "application/xml");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
        Assert.Multiple(() =>
        {
            Assert.That(errors.Keys, Does.Contain(field), text);
            Assert.That(errors.GetValueOrDefault(field), Does.Contain(says));
            Assert.That(Member(problem, "detail"), Does.Not.Contain("Data at the root level").And.Not.Contain("is not for action").And.Not.Contain("required when"));
            AssertArabic(Member(problem, "detail"));
        });
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    private HttpRequestMessage Arabic(string method, string path, string? body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path.Replace("{id}", _incidentId, StringComparison.Ordinal).Replace("{restricted}", _restrictedId, StringComparison.Ordinal), UriKind.Relative));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ar"));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType));
        }

        return request;
    }

    private async Task<(HttpResponseMessage Response, JsonElement Problem, string Text)> SendAsync(
        string user, string method, string path, string body, string contentType = "application/json", bool expectContinue = false)
    {
        using var request = Arabic(method, path, body, contentType);
        request.Headers.ExpectContinue = expectContinue;
        var response = await _clients[user].SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    private static string Member(JsonElement problem, string name) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    /// <summary>Arabic, with no English sentence inside (four English words in a row): names, codes and numbers may stay as they are.</summary>
    private static void AssertArabic(string text)
    {
        Assert.That(text, Does.Match("[\u0600-\u06FF]"), $"in Arabic: {text}");
        Assert.That(EnglishWords().IsMatch(text), Is.False, $"no English sentence inside: {text}");
    }

    [GeneratedRegex("[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}")]
    private static partial Regex EnglishWords();
}
