using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// An incident's story as OASIS CAP 1.2 messages in an Atom feed: every message valid against the CAP 1.2 schema
/// and the rules the schema does not check (offsets not Z, references on updates, one info per language, a
/// restriction for a restricted scope, a note for an exercise).
/// </summary>
[TestFixture]
public sealed class CapExportTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    [Test]
    public async Task A_flood_s_report_updates_and_closing_are_an_Alert_then_Updates_referencing_all_before_each_valid_CAP_1_2()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        var id = (await duty.PostOkAsync("api/incidents", new
        {
            hazard = "Flood", severity = "Severe", urgency = "Immediate", certainty = "Observed", title = "فيضان في درنة: انهيار سدّ",
            description = "المياه تجتاح وسط المدينة", district = "derna", latitude = 32.7669, longitude = 22.6367,
        })).GetProperty("incidentId").GetGuid();
        await duty.PostOkAsync($"api/incidents/{id}/updates", new { text = "ارتفاع عدد المفقودين", severity = "Extreme" });
        await duty.PostOkAsync($"api/incidents/{id}/status", new { status = "Closed", reason = "انتهت عمليات الإنقاذ" });

        var alerts = await FeedAsync(duty, id);
        var ordered = alerts.OrderBy(a => a.Element(Cap + "sent")!.Value, StringComparer.Ordinal).ThenBy(a => a.Element(Cap + "identifier")!.Value, StringComparer.Ordinal).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(alerts, Has.Count.EqualTo(3));
            Assert.That(alerts.Select(Validate), Is.All.Empty, "each message validates against the CAP 1.2 schema");
            Assert.That(ordered.Select(a => a.Element(Cap + "msgType")!.Value), Is.EqualTo(new[] { "Alert", "Update", "Update" }));
            Assert.That(ordered[0].Element(Cap + "references"), Is.Null, "an Alert references nothing");
            Assert.That(ordered[2].Element(Cap + "references")!.Value.Split(' '), Has.Length.EqualTo(2), "an Update references every message before it");
            Assert.That(ordered[2].Element(Cap + "references")!.Value, Does.Contain(ordered[0].Element(Cap + "identifier")!.Value));
            Assert.That(alerts.Select(a => a.Element(Cap + "sent")!.Value), Is.All.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+02:00$"), "Libya's time, never Z");
            Assert.That(alerts.Select(a => a.Element(Cap + "identifier")!.Value), Is.All.Not.Contain(" ").And.All.Not.Contain(","));
            Assert.That(ordered[0].Elements(Cap + "info").Select(i => i.Element(Cap + "language")!.Value), Is.EqualTo(new[] { "ar", "en" }));
            Assert.That(ordered[0].Elements(Cap + "info").Select(i => i.Element(Cap + "event")!.Value), Is.EqualTo(new[] { "فيضان", "Flood" }));
            Assert.That(ordered[0].Element(Cap + "info")!.Element(Cap + "area")!.Element(Cap + "circle")!.Value, Is.EqualTo("32.7669,22.6367 5"));
            Assert.That(ordered[0].Element(Cap + "info")!.Element(Cap + "area")!.Element(Cap + "areaDesc")!.Value, Is.EqualTo("درنة"));
            Assert.That(ordered[1].Element(Cap + "info")!.Element(Cap + "severity")!.Value, Is.EqualTo("Extreme"), "the update raised it");
            Assert.That(ordered[2].Element(Cap + "info")!.Element(Cap + "responseType")!.Value, Is.EqualTo("AllClear"), "closed");
            Assert.That(ordered.Select(a => a.Element(Cap + "status")!.Value), Is.All.EqualTo("Actual"));
        });
    }

    [Test]
    public async Task A_restricted_exercise_is_scope_Restricted_with_its_restriction_and_status_Exercise_with_a_note_and_hidden_from_agencies_not_cleared()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var redCrescent = await hub.ClientForAsync("liaison.red-crescent");
        var id = (await duty.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title = "تمرين: تهديد لمنشأة نفطية", district = "sirte",
            classification = "Restricted", clearedAgencies = new[] { "civil-defence" }, isExercise = true,
        })).GetProperty("incidentId").GetGuid();

        var alert = (await FeedAsync(duty, id)).Single();
        using var hidden = await redCrescent.GetAsync(new Uri($"api/incidents/{id}/cap", UriKind.Relative));
        Assert.Multiple(() =>
        {
            Assert.That(Validate(alert), Is.Empty);
            Assert.That(alert.Element(Cap + "scope")!.Value, Is.EqualTo("Restricted"));
            Assert.That(alert.Element(Cap + "restriction")!.Value, Is.Not.Empty);
            Assert.That(alert.Element(Cap + "status")!.Value, Is.EqualTo("Exercise"));
            Assert.That(alert.Element(Cap + "note")!.Value, Does.Contain("Exercise"));
            Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an agency not cleared learns nothing");
        });
    }

    [Test]
    public async Task An_EDXL_DE_envelope_carries_the_latest_CAP_message_to_the_alerted_agencies_and_both_validate()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        var id = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await duty.PostOkAsync($"api/incidents/{id}/updates", new { text = "تحديث", severity = "Extreme" });

        var envelope = XDocument.Parse(await duty.GetStringAsync(new Uri($"api/incidents/{id}/edxl", UriKind.Relative)));
        XNamespace edxl = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";
        var schemas = new XmlSchemaSet();
        schemas.Add(edxl.NamespaceName, Path.Combine(AppContext.BaseDirectory, "Standards", "edxlde-1_0.xsd"));
        schemas.Add(Cap.NamespaceName, Path.Combine(AppContext.BaseDirectory, "Standards", "CAP-v1.2.xsd"));
        var errors = new List<string>();
        envelope.Validate(schemas, (_, e) => errors.Add(e.Message));
        var root = envelope.Root!;
        var embedded = root.Descendants(Cap + "alert").Single();
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty, "the envelope and the CAP inside it validate");
            Assert.That(root.Element(edxl + "distributionType")!.Value, Is.EqualTo("Update"));
            Assert.That(root.Element(edxl + "distributionStatus")!.Value, Is.EqualTo(embedded.Element(Cap + "status")!.Value));
            Assert.That(root.Element(edxl + "explicitAddress")!.Elements(edxl + "explicitAddressValue").Select(v => v.Value),
                Is.EquivalentTo(new[] { "ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna" }));
            Assert.That(root.Element(edxl + "combinedConfidentiality")!.Value, Is.EqualTo("UNCLASSIFIED AND NOT SENSITIVE"));
            Assert.That(embedded.Element(Cap + "msgType")!.Value, Is.EqualTo("Update"), "the latest message");
        });
    }

    [Test]
    public async Task The_public_feed_carries_public_incidents_only_and_an_agency_s_feed_those_routed_to_it()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var redCrescent = await hub.ClientForAsync("liaison.red-crescent");
        var flood = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var clash = (await duty.PostOkAsync("api/incidents", new { hazard = "ArmedClash", severity = "Severe", title = "اشتباك", district = "tripoli" })).GetProperty("incidentId").GetGuid();
        var secret = (await duty.PostOkAsync("api/incidents", new { hazard = "SecurityIncident", severity = "Severe", title = "تهديد", district = "sirte", classification = "Restricted", clearedAgencies = new[] { "civil-defence" } })).GetProperty("incidentId").GetGuid();
        var drill = (await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Severe", title = "تمرين", district = "benghazi", isExercise = true })).GetProperty("incidentId").GetGuid();

        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };
        var publicFeed = XDocument.Parse(await anonymous.GetStringAsync(new Uri("api/cap/public", UriKind.Relative)));
        var ownFeed = XDocument.Parse(await redCrescent.GetStringAsync(new Uri("api/cap/feed", UriKind.Relative)));
        using var ownWithoutToken = await anonymous.GetAsync(new Uri("api/cap/feed", UriKind.Relative));

        static string[] Incidents(XDocument feed) => [.. feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "content")!.Element(Cap + "alert")!.Element(Cap + "incidents")!.Value)];
        Assert.Multiple(() =>
        {
            Assert.That(Incidents(publicFeed), Does.Contain($"urn:uuid:{flood:D}").And.Contain($"urn:uuid:{clash:D}"));
            Assert.That(Incidents(publicFeed), Does.Not.Contain($"urn:uuid:{secret:D}").And.Not.Contain($"urn:uuid:{drill:D}"), "never a restricted incident or an exercise");
            Assert.That(publicFeed.Root!.Elements(Atom + "entry").Select(e => Validate(e.Element(Atom + "content")!.Element(Cap + "alert")!)), Is.All.Empty);
            Assert.That(Incidents(ownFeed), Does.Contain($"urn:uuid:{flood:D}"));
            Assert.That(Incidents(ownFeed), Does.Not.Contain($"urn:uuid:{clash:D}"), "the Red Crescent is not routed an armed clash in Tripoli");
            Assert.That(ownWithoutToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Every_feed_reads_in_a_standard_feed_reader_each_entry_a_CAP_message_named_as_such()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var flood = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await duty.PostOkAsync($"api/incidents/{flood}/updates", new { text = "ارتفاع منسوب المياه" });
        using var anonymous = new HttpClient { BaseAddress = hub.BaseAddress };

        var incident = await ReadAsync(duty, $"api/incidents/{flood}/cap");
        var own = await ReadAsync(ncem, "api/cap/feed");
        var published = await ReadAsync(anonymous, "api/cap/public");
        Assert.Multiple(() =>
        {
            Assert.That(incident.Id, Is.EqualTo($"urn:uuid:{flood:D}"));
            Assert.That(incident.Items.Count(), Is.EqualTo(2), "the report and its update");
            foreach (var feed in new[] { incident, own, published })
            {
                Assert.That(feed.Title.Text, Is.Not.Empty);
                Assert.That(feed.Authors.Select(a => a.Name), Is.Not.Empty);
                Assert.That(feed.Items, Is.Not.Empty, feed.Id);
                foreach (var item in feed.Items)
                {
                    Assert.That(item.Id, Does.StartWith("urn:uuid:").Or.Not.Empty, feed.Id);
                    Assert.That(item.LastUpdatedTime, Is.GreaterThan(DateTimeOffset.UtcNow.AddHours(-1)), feed.Id);
                    var content = item.Content as XmlSyndicationContent;
                    Assert.That(content?.Type, Is.EqualTo("application/cap+xml"), feed.Id);
                    using var reader = content!.GetReaderAtContent();
                    reader.ReadStartElement("content", Atom.NamespaceName);
                    reader.MoveToContent();
                    Assert.That(Validate((XElement)XNode.ReadFrom(reader)), Is.Empty, feed.Id);
                }
            }
        });
    }

    private static async Task<SyndicationFeed> ReadAsync(HttpClient client, string path)
    {
        await using var body = await client.GetStreamAsync(new Uri(path, UriKind.Relative));
        using var reader = XmlReader.Create(body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return SyndicationFeed.Load(reader);
    }

    [Test]
    public void The_schema_check_does_reject_a_message_without_its_sender_or_with_a_made_up_status()
    {
        var alert = new XElement(Cap + "alert",
            new XElement(Cap + "identifier", "x"), new XElement(Cap + "sent", "2026-12-01T10:00:00+02:00"),
            new XElement(Cap + "status", "Rumour"), new XElement(Cap + "msgType", "Alert"), new XElement(Cap + "scope", "Public"));
        Assert.That(Validate(alert), Is.Not.Empty);
    }

    private static async Task<List<XElement>> FeedAsync(HttpClient client, Guid incidentId)
    {
        using var response = await client.GetAsync(new Uri($"api/incidents/{incidentId}/cap", UriKind.Relative));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/atom+xml"));
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "content")!.Element(Cap + "alert")!)];
    }

    private static List<string> Validate(XElement alert)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(Cap.NamespaceName, Path.Combine(AppContext.BaseDirectory, "Standards", "CAP-v1.2.xsd"));
        var errors = new List<string>();
        new XDocument(new XElement(alert)).Validate(schemas, (_, e) => errors.Add(e.Message));
        return errors;
    }
}
