using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// CAP 1.2 in: a partner's Alert becomes an incident routed like any other, an Update updates it, a Cancel closes it,
/// a message taken in twice is stored once; a message that breaks the schema or CAP's rules, or hostile XML, is
/// refused naming why with nothing written.
/// </summary>
[TestFixture]
public sealed class CapImportTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    [Test]
    public async Task What_one_hub_exports_another_takes_in_as_the_same_incident_updated_and_closed_and_a_repeat_is_stored_once()
    {
        await using var source = await HubHost.StartFreshAsync();
        await using var target = await HubHost.StartFreshAsync();
        using var sourceDuty = await source.ClientForAsync("duty.operator");
        using var targetDuty = await target.ClientForAsync("duty.operator");
        var id = (await sourceDuty.PostOkAsync("api/incidents", new
        {
            hazard = "Flood", severity = "Severe", urgency = "Immediate", certainty = "Observed", title = "فيضان في درنة", district = "derna", latitude = 32.7669, longitude = 22.6367,
        })).GetProperty("incidentId").GetGuid();
        await sourceDuty.PostOkAsync($"api/incidents/{id}/updates", new { text = "ارتفاع منسوب المياه", severity = "Extreme" });
        await sourceDuty.PostOkAsync($"api/incidents/{id}/status", new { status = "Closed", reason = "انتهى" });
        var feed = XDocument.Parse(await sourceDuty.GetStringAsync(new Uri($"api/incidents/{id}/cap", UriKind.Relative)));
        var messages = feed.Root!.Elements(Atom + "entry").Reverse().Select(e => e.Element(Atom + "content")!.Element(Cap + "alert")!.ToString()).ToList();

        var imported = new List<JsonElement>();
        foreach (var message in messages)
        {
            imported.Add(await PostCapAsync(targetDuty, message));
        }

        var again = await PostCapAsync(targetDuty, messages[0]);
        var incident = (await targetDuty.GetOkAsync($"api/incidents/{imported[0].GetProperty("incidentId").GetGuid()}")).GetProperty("incident");
        Assert.Multiple(() =>
        {
            Assert.That(imported.Select(i => i.GetProperty("msgType").GetString()), Is.EqualTo(new[] { "Alert", "Update", "Update" }));
            Assert.That(imported.Select(i => i.GetProperty("incidentId").GetGuid()).Distinct().Count(), Is.EqualTo(1), "the updates found the incident the Alert created");
            Assert.That(incident.GetProperty("hazard").GetString(), Is.EqualTo("Flood"));
            Assert.That(incident.GetProperty("district").GetString(), Is.EqualTo("derna"));
            Assert.That(incident.GetProperty("title").GetString(), Is.EqualTo("فيضان في درنة"));
            Assert.That(incident.GetProperty("severity").GetString(), Is.EqualTo("Extreme"));
            Assert.That(incident.GetProperty("latitude").GetDouble(), Is.EqualTo(32.7669).Within(0.0001));
            Assert.That(again.GetProperty("wasDuplicate").GetBoolean(), Is.True, "the same message again is stored once");
        });
    }

    [Test]
    public async Task A_met_service_warning_in_English_and_French_with_a_prefixed_namespace_a_polygon_and_Latin_1_is_an_incident_routed_like_any_other()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        var sent = DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'-00:00'", System.Globalization.CultureInfo.InvariantCulture);
        var xml = $"""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <cap:alert xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2">
              <cap:identifier>2.49.0.1.434.0.{Guid.NewGuid():N}</cap:identifier>
              <cap:sender>urn:oid:2.49.0.0.434.0</cap:sender>
              <cap:sent>{sent}</cap:sent>
              <cap:status>Actual</cap:status>
              <cap:msgType>Alert</cap:msgType>
              <cap:scope>Public</cap:scope>
              <cap:info>
                <cap:language>en-GB</cap:language>
                <cap:category>Met</cap:category>
                <cap:event>Flood warning</cap:event>
                <cap:urgency>Expected</cap:urgency>
                <cap:severity>Severe</cap:severity>
                <cap:certainty>Likely</cap:certainty>
                <cap:headline>Flood warning for Benghazi</cap:headline>
                <cap:description>Heavy rain: 120 mm expected in 24 hours.</cap:description>
                <cap:area><cap:areaDesc>Coastal plain</cap:areaDesc><cap:polygon>32.0,19.9 32.2,19.9 32.2,20.2 32.0,20.2 32.0,19.9</cap:polygon></cap:area>
              </cap:info>
              <cap:info>
                <cap:language>fr-FR</cap:language>
                <cap:category>Met</cap:category>
                <cap:event>Avertissement d'inondation</cap:event>
                <cap:urgency>Expected</cap:urgency>
                <cap:severity>Severe</cap:severity>
                <cap:certainty>Likely</cap:certainty>
                <cap:headline>Crue à Benghazi, vigilance élevée</cap:headline>
              </cap:info>
            </cap:alert>
            """;
        var imported = await PostCapAsync(duty, xml, Encoding.Latin1);
        var incident = await duty.GetOkAsync($"api/incidents/{imported.GetProperty("incidentId").GetGuid()}");
        Assert.Multiple(() =>
        {
            Assert.That(incident.GetProperty("incident").GetProperty("hazard").GetString(), Is.EqualTo("Flood"));
            Assert.That(incident.GetProperty("incident").GetProperty("district").GetString(), Is.EqualTo("benghazi"), "the polygon lies over Benghazi");
            Assert.That(incident.GetProperty("incident").GetProperty("description").GetString(), Does.Contain("[CAP: urn:oid:2.49.0.0.434.0]"), "marked with its source");
            Assert.That(incident.GetProperty("alerts").GetArrayLength(), Is.GreaterThan(0), "routed like any other incident");
        });
    }

    [TestCase("no sender", "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>a</identifier><sent>2026-12-01T10:00:00+02:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>", "sender")]
    [TestCase("a Z time", "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>a</identifier><sender>s</sender><sent>2026-12-01T10:00:00Z</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>", "not Z")]
    [TestCase("an update with no references", "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>a</identifier><sender>s</sender><sent>2026-12-01T10:00:00+02:00</sent><status>Actual</status><msgType>Update</msgType><scope>Public</scope></alert>", "references")]
    [TestCase("a test message", "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>a</identifier><sender>s</sender><sent>2026-12-01T10:00:00+02:00</sent><status>Test</status><msgType>Alert</msgType><scope>Public</scope></alert>", "status Test")]
    [TestCase("a place outside Libya", "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>a</identifier><sender>s</sender><sent>2026-12-01T10:00:00+02:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><category>Met</category><event>Flood</event><urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty><area><areaDesc>Paris</areaDesc><circle>48.85,2.35 10</circle></area></info></alert>", "no area in Libya")]
    [TestCase("an external entity (XXE)", "<?xml version='1.0'?><!DOCTYPE alert [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>&xxe;</identifier></alert>", "DTD")]
    [TestCase("a billion laughs", "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'><!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]><alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>&lol3;</identifier></alert>", "DTD")]
    [TestCase("not XML", "{\"alert\":1}", "line 1")]
    public async Task A_bad_or_hostile_message_is_refused_naming_why_and_nothing_is_written(string what, string xml, string says)
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        var head = await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);

        using var response = await duty.PostAsync(new Uri("api/cap", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/cap+xml"));
        var text = System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{what}: {text}");
            Assert.That(text, Does.Contain(says), what);
            Assert.That(await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default), Is.EqualTo(head), "nothing written");
        });
    }

    [Test]
    public async Task A_warning_longer_than_an_incident_holds_is_taken_in_cut_where_it_shows_keeping_its_source()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        var id = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var feed = XDocument.Parse(await duty.GetStringAsync(new Uri($"api/incidents/{id}/cap", UriKind.Relative)));
        var alert = feed.Root!.Elements(Atom + "entry").Last().Element(Atom + "content")!.Element(Cap + "alert")!;
        alert.Element(Cap + "identifier")!.Value += "-long";
        foreach (var info in alert.Elements(Cap + "info"))
        {
            info.Element(Cap + "headline")!.Value = new string('ف', 1000);
            info.Element(Cap + "description")?.Remove();
            info.Element(Cap + "headline")!.AddAfterSelf(new XElement(Cap + "description", string.Concat(Enumerable.Repeat("مياه ", 2000))));
        }

        var taken = await PostCapAsync(duty, alert.ToString());
        var incident = (await duty.GetOkAsync($"api/incidents/{taken.GetProperty("incidentId").GetGuid()}")).GetProperty("incident");
        var title = incident.GetProperty("title").GetString()!;
        var description = incident.GetProperty("description").GetString()!;
        Assert.Multiple(() =>
        {
            Assert.That(taken.GetProperty("incidentId").GetGuid(), Is.Not.EqualTo(id), "a message of its own, so an incident of its own");
            Assert.That(title, Has.Length.EqualTo(200).And.EndsWith("…"), "cut to the title's 200 characters, showing where");
            Assert.That(description, Has.Length.LessThanOrEqualTo(4000));
            Assert.That(description, Does.Contain("…\n\n[CAP: "), "the cut shows, and the source is kept after it");
            Assert.That(description, Does.EndWith("]"));
        });
    }

    [Test]
    public async Task A_liaison_cannot_bring_in_an_alert()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var liaison = await hub.ClientForAsync("liaison.ncem");
        using var response = await liaison.PostAsync(new Uri("api/cap", UriKind.Relative), new StringContent("<x/>", Encoding.UTF8, "application/cap+xml"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<JsonElement> PostCapAsync(HttpClient client, string xml, Encoding? encoding = null)
    {
        using var content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(xml));
        content.Headers.ContentType = new("application/cap+xml");
        using var response = await client.PostAsync(new Uri("api/cap", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
