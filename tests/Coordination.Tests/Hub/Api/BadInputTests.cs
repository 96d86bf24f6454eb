using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// Every kind of bad command gets a clear 4xx that names the problem, and the log does not move.
/// One hub for the fixture, with one good, routed incident to aim the bad commands at.
/// </summary>
[TestFixture]
public sealed class BadInputTests
{
    private HubHost _hub = null!;
    private SignedInClients _clients = null!;
    private string _incidentId = "";

    public sealed record BadCase(string Name, string User, string Method, string Path, string? Body, HttpStatusCode Status, string Says, string ContentType = "application/json")
    {
        public override string ToString() => Name;
    }

    private static readonly string Flood = """{"hazard":"Flood","severity":"Extreme","title":"فيضان","district":"derna"}""";

    private static string Report(string extraOrReplacement) => extraOrReplacement.StartsWith('{') ? extraOrReplacement : Flood.TrimEnd('}') + "," + extraOrReplacement + "}";

    public static IEnumerable<BadCase> Cases() =>
    [
        new("malformed JSON", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood",""", HttpStatusCode.BadRequest, "JSON"),
        new("empty body", "duty.operator", "POST", "api/incidents", "", HttpStatusCode.BadRequest, "The request has no body"),
        new("the JSON literal null", "duty.operator", "POST", "api/incidents", "null", HttpStatusCode.BadRequest, "The request has no body"),
        new("a report as plain text", "duty.operator", "POST", "api/incidents", Flood, HttpStatusCode.UnsupportedMediaType, "application/json for most", "text/plain"),
        new("a CAP message as JSON", "duty.operator", "POST", "api/cap", Flood, HttpStatusCode.UnsupportedMediaType, "application/cap+xml for POST /api/cap"),
        new("missing hazard", "duty.operator", "POST", "api/incidents", """{"severity":"Extreme","title":"x","district":"derna"}""", HttpStatusCode.BadRequest, "Hazard is required"),
        new("missing severity", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","title":"x","district":"derna"}""", HttpStatusCode.BadRequest, "Severity is required"),
        new("missing title", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Minor","district":"derna"}""", HttpStatusCode.BadRequest, "Title is required"),
        new("unknown hazard name", "duty.operator", "POST", "api/incidents", """{"hazard":"Tsunami","severity":"Extreme","title":"x","district":"derna"}""", HttpStatusCode.BadRequest, "$.hazard"),
        new("severity as a number", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":4,"title":"x","district":"derna"}""", HttpStatusCode.BadRequest, "$.severity"),
        new("severity in other letter case", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"extreme","title":"x","district":"derna"}""", HttpStatusCode.BadRequest, "$.severity"),
        new("two severities at once", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme, Minor","title":"x","district":"derna"}""", HttpStatusCode.BadRequest, "$.severity"),
        new("hazard as a number in a string", "duty.operator", "POST", "api/incidents", """{"hazard":"0","severity":"Extreme","title":"x","district":"derna"}""", HttpStatusCode.BadRequest, "$.hazard"),
        new("title as a number", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme","title":42,"district":"derna"}""", HttpStatusCode.BadRequest, "$.title"),
        new("100 KB title", "duty.operator", "POST", "api/incidents", Report("{\"hazard\":\"Flood\",\"severity\":\"Extreme\",\"district\":\"derna\",\"title\":\"" + new string('ف', 100 * 1024 / 2) + "\"}"), HttpStatusCode.BadRequest, "200 characters or fewer"),
        new("unknown district", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme","title":"x","district":"atlantis"}""", HttpStatusCode.BadRequest, "not one of Libya's districts"),
        new("point outside Libya", "duty.operator", "POST", "api/incidents", Report("\"latitude\":48.85,\"longitude\":2.35"), HttpStatusCode.BadRequest, "within Libya"),
        new("latitude without longitude", "duty.operator", "POST", "api/incidents", Report("\"latitude\":32.7"), HttpStatusCode.BadRequest, "Longitude is required"),
        new("bidi override in title", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme","title":"safe \u202Eevil","district":"derna"}""", HttpStatusCode.BadRequest, "U+202E"),
        new("bidi isolate in municipality", "duty.operator", "POST", "api/incidents", Report("\"municipality\":\"\\u2067x\""), HttpStatusCode.BadRequest, "U+2067"),
        new("control character in title", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme","title":"bell\u0007","district":"derna"}""", HttpStatusCode.BadRequest, "U+0007"),
        new("zero-width space in title", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme","title":"Der\u200Bna","district":"derna"}""", HttpStatusCode.BadRequest, "Title contains a hidden character (U+200B"),
        new("zero-width non-joiner in title", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme","title":"x\u200Cy","district":"derna"}""", HttpStatusCode.BadRequest, "U+200C"),
        new("zero-width joiner in municipality", "duty.operator", "POST", "api/incidents", Report("\"municipality\":\"\\u200D\""), HttpStatusCode.BadRequest, "Municipality contains a hidden character (U+200D"),
        new("line separator in title", "duty.operator", "POST", "api/incidents", """{"hazard":"Flood","severity":"Extreme","title":"first\u2028second","district":"derna"}""", HttpStatusCode.BadRequest, "U+2028"),
        new("paragraph separator in a multi-line description", "duty.operator", "POST", "api/incidents", Report("\"description\":\"a\\u2029b\""), HttpStatusCode.BadRequest, "Description contains a hidden character (U+2029"),
        new("zero-width space in an update", "duty.operator", "POST", "api/incidents/{id}/updates", """{"text":"a\u200Bb"}""", HttpStatusCode.BadRequest, "U+200B"),
        new("restricted without cleared agencies", "duty.operator", "POST", "api/incidents", Report("\"classification\":\"Restricted\""), HttpStatusCode.BadRequest, "at least one agency"),
        new("unknown cleared agency", "duty.operator", "POST", "api/incidents", Report("\"classification\":\"Restricted\",\"clearedAgencies\":[\"cia\"]"), HttpStatusCode.BadRequest, "Agency 'cia' is not known"),
        new("the duty office cleared, which no liaison answers for", "duty.operator", "POST", "api/incidents", Report("\"classification\":\"Restricted\",\"clearedAgencies\":[\"ncem\",\"moi-duty\"]"), HttpStatusCode.BadRequest, "'moi-duty' is the duty office"),
        new("misspelt field", "duty.operator", "POST", "api/incidents", Report("\"severityy\":\"Minor\""), HttpStatusCode.BadRequest, "severityy"),
        new("a field sent twice, last one would win", "duty.operator", "POST", "api/incidents", Report("\"district\":\"tripoli\""), HttpStatusCode.BadRequest, "'district' is sent more than once"),
        new("a field sent again in other letter case", "duty.operator", "POST", "api/incidents", Report("\"District\":\"tripoli\""), HttpStatusCode.BadRequest, "'District' is sent more than once"),
        new("two idempotency keys", "duty.operator", "POST", "api/incidents", Report("\"eventId\":\"0b9d3c52-4a8e-4f3e-9a57-1b8f0f1e2a01\",\"eventId\":\"0b9d3c52-4a8e-4f3e-9a57-1b8f0f1e2a02\""), HttpStatusCode.BadRequest, "'eventId' is sent more than once"),
        new("a field sent twice in an update", "duty.operator", "POST", "api/incidents/{id}/updates", """{"text":"a","text":"b"}""", HttpStatusCode.BadRequest, "'text' is sent more than once"),
        new("occurred in the future", "duty.operator", "POST", "api/incidents", Report("\"occurredAt\":\"2099-01-01T00:00:00Z\""), HttpStatusCode.BadRequest, "future"),
        new("occurred ten minutes ahead of the hub's clock", "duty.operator", "POST", "api/incidents", Report($"\"occurredAt\":\"{DateTimeOffset.UtcNow.AddMinutes(10):O}\""), HttpStatusCode.BadRequest, "OccurredAt must not be in the future"),
        new("occurred in year 1", "duty.operator", "POST", "api/incidents", Report("\"occurredAt\":\"0001-01-01T00:00:00Z\""), HttpStatusCode.BadRequest, "OccurredAt must be on or after 2000-01-01"),
        new("occurred before 2000", "duty.operator", "POST", "api/incidents", Report("\"occurredAt\":\"1999-12-31T23:59:59Z\""), HttpStatusCode.BadRequest, "OccurredAt must be on or after 2000-01-01"),
        new("empty idempotency key", "duty.operator", "POST", "api/incidents", Report("\"eventId\":\"00000000-0000-0000-0000-000000000000\""), HttpStatusCode.BadRequest, "empty id"),
        new("nested JSON where text belongs", "duty.operator", "POST", "api/incidents", Report("\"description\":" + new string('[', 40) + new string(']', 40)), HttpStatusCode.BadRequest, "$.description"),
        new("body over the size limit", "duty.operator", "POST", "api/incidents", Report("\"description\":\"" + new string('x', 300 * 1024) + "\""), HttpStatusCode.RequestEntityTooLarge, "too large"),
        new("liaison reporting", "liaison.ncem", "POST", "api/incidents", Flood, HttpStatusCode.Forbidden, "Only the duty office"),
        new("no token", "", "POST", "api/incidents", Flood, HttpStatusCode.Unauthorized, ""),
        new("acknowledge an unknown incident", "liaison.ncem", "POST", $"api/incidents/{Guid.Empty}/acknowledge", "{}", HttpStatusCode.NotFound, "no incident"),
        new("acknowledge with a stale version", "liaison.ncem", "POST", "api/incidents/{id}/acknowledge", """{"expectedVersion":2}""", HttpStatusCode.Conflict, "not the expected 2"),
        new("acknowledge by the duty office", "duty.operator", "POST", "api/incidents/{id}/acknowledge", "{}", HttpStatusCode.Forbidden, "Only an agency liaison"),
        new("acknowledge by an agency not alerted", "liaison.security-tripoli", "POST", "api/incidents/{id}/acknowledge", "{}", HttpStatusCode.NotFound, "no incident"),
        new("update with no text", "duty.operator", "POST", "api/incidents/{id}/updates", """{"text":""}""", HttpStatusCode.BadRequest, "Text is required"),
        new("status moved backwards", "duty.operator", "POST", "api/incidents/{id}/status", """{"status":"Reported"}""", HttpStatusCode.Conflict, "only move forward"),
        new("status not a status", "duty.operator", "POST", "api/incidents/{id}/status", """{"status":"Done"}""", HttpStatusCode.BadRequest, "$.status"),
        new("catch-up from a negative position", "commander", "GET", "api/log?after=-1", null, HttpStatusCode.BadRequest, "'after'"),
        new("catch-up page of zero", "commander", "GET", "api/log?limit=0", null, HttpStatusCode.BadRequest, "'limit'"),
        new("list in an unknown district", "commander", "GET", "api/incidents?district=mars", null, HttpStatusCode.BadRequest, "not one of Libya's districts"),
        new("incident id that is not an id", "commander", "GET", "api/incidents/not-a-guid", null, HttpStatusCode.NotFound, "There is nothing at this address"),
        new("a limit that is not a number", "commander", "GET", "api/incidents?limit=abc", null, HttpStatusCode.BadRequest, "'limit' cannot be read from 'abc'"),
        new("a limit beyond any number", "commander", "GET", "api/log?after=99999999999999999999", null, HttpStatusCode.BadRequest, "'after' cannot be read"),
        new("an evaluation ending in year 9999", "commander", "GET", "api/evaluation?period=month&ending=9999-12-31", null, HttpStatusCode.BadRequest, "from 2000-01-01 to 2099-12-31"),
        new("an evaluation from year 1", "commander", "GET", "api/evaluation?from=0001-01-01&to=0001-01-10", null, HttpStatusCode.BadRequest, "from 2000-01-01 to 2099-12-31"),
        new("an agency's activity log in year 9999", "commander", "GET", "api/activity-log?agency=ncem&from=9999-12-31T00:00:00Z&to=9999-12-31T23:00:00Z", null, HttpStatusCode.BadRequest, "between 2000 and 2099"),
        new("the register exported as exe", "commander", "GET", "api/register/export?format=exe", null, HttpStatusCode.BadRequest, "csv or json"),
        new("the register filtered by an unknown district", "commander", "GET", "api/register?district=atlantis", null, HttpStatusCode.BadRequest, "not one of Libya's districts"),
        new("the inbox of an unknown agency", "duty.operator", "GET", "api/alerts?agency=atlantis", null, HttpStatusCode.BadRequest, "Agency 'atlantis' is not known"),
        new("improvements owned by an unknown agency", "commander", "GET", "api/improvements?ownerAgency=atlantis", null, HttpStatusCode.BadRequest, "Agency 'atlantis' is not known"),
        new("evaluation entries for an unknown hazard", "commander", "GET", "api/evaluation/entries?figure=late&hazard=Volcano", null, HttpStatusCode.BadRequest, "Hazard 'Volcano' is not one of the hazards"),
        new("the board filtered by a status number no status has", "commander", "GET", "api/incidents?status=99", null, HttpStatusCode.BadRequest, "status | Status '99' is not one of Reported, Acknowledged"),
        new("the board filtered by two statuses at once", "commander", "GET", "api/incidents?status=Acknowledged,Responding", null, HttpStatusCode.BadRequest, "status | Status 'Acknowledged,Responding' is not one of"),
        new("the board filtered by an unknown status", "commander", "GET", "api/incidents?status=Finished", null, HttpStatusCode.BadRequest, "status | Status 'Finished' is not one of"),
        new("the board filtered by a hazard number no hazard has", "commander", "GET", "api/incidents?hazard=99", null, HttpStatusCode.BadRequest, "hazard | Hazard '99' is not one of the hazards listed (GET /api/reference/hazards)"),
        new("the register filtered by a theme number no theme has", "commander", "GET", "api/register?theme=9", null, HttpStatusCode.BadRequest, "theme | Theme '9' is not one of Natural, Accident, Societal, Malicious"),
        new("the heat map filtered by an unknown theme", "commander", "GET", "api/register/heatmap?theme=Space", null, HttpStatusCode.BadRequest, "theme | Theme 'Space' is not one of"),
        new("the heat map filtered by a theme number no theme has", "commander", "GET", "api/register/heatmap?theme=9", null, HttpStatusCode.BadRequest, "theme | Theme '9' is not one of"),
        new("improvements from a source number no source has", "commander", "GET", "api/improvements?source=9", null, HttpStatusCode.BadRequest, "source | Source '9' is not one of None, Exercise, Meeting"),
        new("improvements from an unknown source", "commander", "GET", "api/improvements?source=Nowhere", null, HttpStatusCode.BadRequest, "source | Source 'Nowhere' is not one of"),
        new("liaison verifying the log", "liaison.ncem", "GET", "api/log/verify", null, HttpStatusCode.Forbidden, "Only commanders"),
        new("wrong password", "", "POST", "api/auth/token", """{"userName":"commander","password":"guess"}""", HttpStatusCode.Unauthorized, "wrong"),
        new("a password of only spaces", "admin", "POST", "api/admin/users", """{"userName":"chk.pw","displayName":"A","role":"Liaison","agency":"ncem","password":"              "}""", HttpStatusCode.BadRequest, "password | Password must have at least 12 characters that are not spaces"),
        new("a liaison of the duty office", "admin", "POST", "api/admin/users", """{"userName":"chk.duty","displayName":"A","role":"Liaison","agency":"moi-duty","password":"Tripoli-Derna-2023"}""", HttpStatusCode.BadRequest, "agency | Agency 'moi-duty' is the duty office, which has no liaisons"),
        new("an agency turned into the duty office", "admin", "POST", "api/admin/agencies", """{"code":"ncem","nameAr":"م","nameEn":"N","kind":"DutyOffice"}""", HttpStatusCode.Conflict, "whether an agency is the duty office is fixed"),
        new("the duty office turned into another kind", "admin", "POST", "api/admin/agencies", """{"code":"moi-duty","nameAr":"م","nameEn":"D","kind":"Coordination"}""", HttpStatusCode.Conflict, "'moi-duty' is registered as DutyOffice"),
        new("holdings declared for the duty office", "admin", "PUT", "api/capabilities/moi-duty", """{"holdings":[{"capability":"operations-room","count":1,"district":"tripoli"}]}""", HttpStatusCode.BadRequest, "agency | Agency 'moi-duty' is the duty office: no plan's task is ever its own"),
        new("an improvement owned by the duty office", "commander", "POST", "api/improvements", $$"""{"actionAr":"إجراء","actionEn":"Action","ownerAgency":"moi-duty","dueDate":"{{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}}"}""", HttpStatusCode.BadRequest, "ownerAgency | Agency 'moi-duty' is the duty office: only an agency's liaisons complete"),
        new("a meeting's action owned by the duty office", "commander", "POST", "api/meetings", $$"""{"heldOn":"{{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}}","agencies":["ncem"],"actions":[{"actionAr":"إجراء","actionEn":"Action","ownerAgency":"moi-duty","dueDate":"{{DateTime.UtcNow.AddDays(30):yyyy-MM-dd}}"}]}""", HttpStatusCode.BadRequest, "actions[0].ownerAgency"),
        new("a meeting with an agency listed twice", "commander", "POST", "api/meetings", $$"""{"heldOn":"{{DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}}","agencies":["ncem","ncem"]}""", HttpStatusCode.BadRequest, "agencies | Agency 'ncem' is listed more than once"),
        new("a register import's reason with a bidi override", "admin", "POST", "api/register/import?reason=a%E2%80%AEb", "code\n", HttpStatusCode.BadRequest, "reason | Reason contains a hidden character (U+202E", "text/csv"),
        new("a routing rule without its minimum severity", "admin", "PUT", "api/admin/routing-rules", """{"rules":[{"id":"any-flood","hazards":["Flood"],"districts":[],"agencies":["ncem"]}],"reason":"r"}""", HttpStatusCode.BadRequest, "$.rules[0].minimumSeverity | 'minimumSeverity' is required"),
        new("a routing rule without its districts", "admin", "PUT", "api/admin/routing-rules", """{"rules":[{"id":"any-flood","hazards":["Flood"],"minimumSeverity":"Severe","agencies":["ncem"]}],"reason":"r"}""", HttpStatusCode.BadRequest, "'districts' is required"),
        new("a rule set with no rule", "admin", "PUT", "api/admin/routing-rules", """{"rules":[],"reason":"r"}""", HttpStatusCode.BadRequest, "with no rule every incident would alert the fallback agencies alone"),
        new("the register as of 1900", "commander", "GET", "api/register?asOf=1900-01-01", null, HttpStatusCode.BadRequest, "asOf | 'asOf' must be a moment between 2000 and 2099"),
        new("the heat map as of 2100", "commander", "GET", "api/register/heatmap?asOf=2100-01-01", null, HttpStatusCode.BadRequest, "asOf |"),
        new("the register's export as of year 1", "commander", "GET", "api/register/export?asOf=0001-01-01", null, HttpStatusCode.BadRequest, "asOf |"),
    ];

    [OneTimeSetUp]
    public async Task StartHubWithOneRoutedIncident()
    {
        _hub = await HubHost.StartFreshAsync();
        _clients = await SignedInClients.ForAsync(_hub, Cases().Select(c => c.User).Append("commander"));

        var report = await _clients["duty.operator"].PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        _incidentId = report.GetProperty("incidentId").GetString()!;
        // Wait until routing has alerted NCEM, so the position below is settled.
        await _clients["liaison.ncem"].WaitForAlertsAsync();
    }

    [OneTimeTearDown]
    public async Task StopHub()
    {
        _clients.Dispose();
        await _hub.DisposeAsync();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_bad_command_gets_a_clear_4xx_and_leaves_the_log_as_it_was(BadCase bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var before = await HeadAsync();
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path.Replace("{id}", _incidentId, StringComparison.Ordinal));
        if (bad.Body is not null)
        {
            request.Content = new StringContent(bad.Body, Encoding.UTF8, new MediaTypeHeaderValue(bad.ContentType));
        }

        using var response = await _clients[bad.User].SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(bad.Status), text);
            Assert.That(Decoded(text), Does.Contain(bad.Says).IgnoreCase);
            if (text.Length > 0)
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            }

            Assert.That(await HeadAsync(), Is.EqualTo(before), "the log did not move");
        });
    }

    [Test]
    public async Task A_report_time_from_2000_up_to_a_few_minutes_ahead_is_accepted()
    {
        foreach (var occurredAt in new[] { new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddMinutes(2) })
        {
            await _clients["duty.operator"].PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Minor", title = "x", district = "derna", occurredAt });
        }
    }

    [Test]
    public async Task A_filter_naming_no_value_is_refused_in_Arabic_for_an_Arabic_caller_and_the_names_still_filter()
    {
        using var arabic = new HttpRequestMessage(HttpMethod.Get, new Uri("api/register?theme=9", UriKind.Relative)) { Headers = { { "Accept-Language", "ar" } } };
        using var refused = await _clients["commander"].SendAsync(arabic);
        var text = Decoded(await refused.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(text, Does.Contain("theme | المحور '9' ليس من محاور السجل: Natural, Accident, Societal, Malicious"));
        });

        // The names, written exactly, filter as before; an empty value is no filter.
        var flooded = await _clients["commander"].GetOkAsync("api/incidents?hazard=Flood&status=");
        Assert.That(flooded.EnumerateArray().Select(r => r.GetProperty("incidentId").GetString()), Does.Contain(_incidentId));
        Assert.That((await _clients["commander"].GetOkAsync("api/incidents?hazard=Earthquake")).EnumerateArray().Select(r => r.GetProperty("incidentId").GetString()), Does.Not.Contain(_incidentId));
        await _clients["commander"].GetOkAsync("api/register?theme=Natural");
        await _clients["commander"].GetOkAsync("api/register/heatmap?theme=");
        await _clients["commander"].GetOkAsync("api/improvements?source=Meeting");
    }

    /// <summary>The problem's text as a person reads it (JSON escapes undone).</summary>
    private static string Decoded(string json)
    {
        if (json.Length == 0)
        {
            return "";
        }

        var parts = new List<string>();
        Collect(System.Text.Json.JsonDocument.Parse(json).RootElement);
        return string.Join(" | ", parts);

        void Collect(System.Text.Json.JsonElement element)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        parts.Add(property.Name);
                        Collect(property.Value);
                    }

                    break;
                case System.Text.Json.JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item);
                    }

                    break;
                default:
                    parts.Add(element.ToString());
                    break;
            }
        }
    }

    private async Task<long> HeadAsync() =>
        (await _clients["commander"].GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();
}
