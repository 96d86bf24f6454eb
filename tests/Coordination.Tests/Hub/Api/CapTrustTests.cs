using System.Globalization;
using System.Net;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Text.Json;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// Who the hub takes CAP messages from and what they may do, as configured: signed messages from a configured
/// certificate are taken in; an altered one, one signed by another certificate, an unsigned one from a sender that
/// must sign, and what a sender's settings do not allow are refused naming the rule, with nothing written.
/// </summary>
[TestFixture]
public sealed class CapTrustTests
{
    private const string Met = "urn:oid:2.49.0.0.434.0"; // the meteorological centre: signs, may not cancel, weather hazards only
    private const string Authority = "alerts@ncem.gov.ly"; // an alerting authority: trusted, unsigned, anything

    private TempDirectory _data = null!;
    private CapSigner _met = null!;
    private CapSigner _stranger = null!;
    private HubHost _hub = null!;
    private HttpClient _duty = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _data = new TempDirectory();
        _met = new CapSigner("Libyan National Meteorological Center");
        _stranger = new CapSigner("Someone else");
        _met.WritePem(Path.Combine(_data.Path, "met-signing.pem"));
        _hub = await HubHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["Coordination:Cap:Senders:0:Id"] = Met,
            ["Coordination:Cap:Senders:0:RequireSignature"] = "true",
            ["Coordination:Cap:Senders:0:Certificates:0"] = "met-signing.pem", // relative: in the data directory
            ["Coordination:Cap:Senders:0:Cancel"] = "false",
            ["Coordination:Cap:Senders:0:Hazards:0"] = "Flood",
            ["Coordination:Cap:Senders:0:Hazards:1"] = "Storm",
            ["Coordination:Cap:Senders:0:Hazards:2"] = "Sandstorm",
            ["Coordination:Cap:Senders:1:Id"] = Authority,
        });
        _duty = await _hub.ClientForAsync("duty.operator");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _duty.Dispose();
        await _hub.DisposeAsync();
        _met.Dispose();
        _stranger.Dispose();
        _data.Dispose();
    }

    [Test]
    public async Task A_signed_warning_in_Arabic_and_English_from_the_configured_certificate_becomes_an_incident_and_its_signed_update_updates_it()
    {
        var alert = Warning(Met, out var reference);
        var imported = await PostOkAsync(_met.Sign(alert));
        var update = await PostOkAsync(_met.Sign(Warning(Met, out _, msgType: "Update", references: reference, severity: "Extreme")));
        var incident = (await _duty.GetOkAsync($"api/incidents/{imported.GetProperty("incidentId").GetGuid()}")).GetProperty("incident");
        Assert.Multiple(() =>
        {
            Assert.That(imported.GetProperty("msgType").GetString(), Is.EqualTo("Alert"));
            Assert.That(update.GetProperty("incidentId").GetGuid(), Is.EqualTo(imported.GetProperty("incidentId").GetGuid()));
            Assert.That(incident.GetProperty("title").GetString(), Is.EqualTo("تحذير من سيول في الجبل الأخضر"), "the Arabic info is read first");
            Assert.That(incident.GetProperty("severity").GetString(), Is.EqualTo("Extreme"));
            Assert.That(incident.GetProperty("description").GetString(), Does.Contain($"[CAP: {Met}]"));
        });
    }

    [Test]
    public async Task A_signed_message_altered_after_signing_is_refused_naming_the_signature_and_nothing_is_written()
    {
        var signed = _met.Sign(Warning(Met, out _));
        var altered = signed.Replace("<cap:severity>Severe</cap:severity>", "<cap:severity>Minor</cap:severity>", StringComparison.Ordinal);
        Assert.That(altered, Is.Not.EqualTo(signed));
        await RefusedAsync(altered, HttpStatusCode.BadRequest, "altered after signing");
    }

    [Test]
    public async Task A_message_signed_by_a_certificate_not_configured_for_its_sender_is_refused()
    {
        await RefusedAsync(_stranger.Sign(Warning(Met, out _)), HttpStatusCode.BadRequest, "not configured for sender");
    }

    [Test]
    public async Task A_sender_configured_to_sign_may_not_send_unsigned()
    {
        await RefusedAsync(Warning(Met, out _), HttpStatusCode.BadRequest, "must sign its messages");
    }

    [Test]
    public async Task A_SHA_1_signature_is_refused()
    {
        await RefusedAsync(_met.Sign(Warning(Met, out _), SignedXml.XmlDsigRSASHA1Url, SignedXml.XmlDsigSHA1Url), HttpStatusCode.BadRequest, "SHA-1");
    }

    [Test]
    public async Task A_signature_over_part_of_the_message_only_is_refused()
    {
        // A signature that covers one element by id (the shape of a wrapping attack) does not vouch for the message.
        var document = new System.Xml.XmlDocument { PreserveWhitespace = true };
        document.LoadXml(_met.Sign(Warning(Met, out _)));
        var signature = document.GetElementsByTagName("Reference", SignedXml.XmlDsigNamespaceUrl)[0]!;
        signature.Attributes!["URI"]!.Value = "#part";
        await RefusedAsync(document.OuterXml, HttpStatusCode.BadRequest, "sign the whole message");
    }

    [Test]
    public async Task What_a_sender_may_not_do_is_refused_naming_the_setting()
    {
        var alert = Warning(Met, out var reference);
        await PostOkAsync(_met.Sign(alert));
        await RefusedAsync(_met.Sign(Warning(Met, out _, msgType: "Cancel", references: reference)), HttpStatusCode.Forbidden, "may not cancel incidents (Cancel)");
        await RefusedAsync(_met.Sign(Warning(Met, out _, hazardWords: "Earthquake", category: "Geo", arabicEvent: "زلزال")), HttpStatusCode.Forbidden, "Hazards: Flood, Storm, Sandstorm");
        await RefusedAsync(Warning("someone@example.org", out _), HttpStatusCode.Forbidden, "not one the hub takes messages from");
    }

    [Test]
    public async Task A_trusted_sender_may_not_update_or_cancel_what_another_sender_began()
    {
        Warning(Met, out var metReference);
        await PostOkAsync(_met.Sign(Warning(Met, out _)));
        await RefusedAsync(Warning(Authority, out _, msgType: "Cancel", references: metReference), HttpStatusCode.BadRequest, "may only refer to its own sender's messages");
    }

    [Test]
    public async Task An_unsigned_alert_from_a_sender_that_need_not_sign_is_taken_in_and_its_Cancel_closes_the_incident()
    {
        var imported = await PostOkAsync(Warning(Authority, out var reference));
        var cancel = await PostOkAsync(Warning(Authority, out _, msgType: "Cancel", references: reference));
        var incident = (await _duty.GetOkAsync($"api/incidents/{imported.GetProperty("incidentId").GetGuid()}")).GetProperty("incident");
        Assert.Multiple(() =>
        {
            Assert.That(cancel.GetProperty("incidentId").GetGuid(), Is.EqualTo(imported.GetProperty("incidentId").GetGuid()));
            Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("Closed"));
        });
    }

    [Test]
    public async Task A_Cancel_with_a_note_longer_than_a_reason_holds_closes_the_incident_its_note_cut_where_it_shows()
    {
        var imported = await PostOkAsync(Warning(Authority, out var reference));
        var note = string.Concat(Enumerable.Repeat("انحسرت المياه وعادت الحركة على الطريق الساحلي. ", 60));
        var cancel = Warning(Authority, out _, msgType: "Cancel", references: reference)
            .Replace("<cap:scope>Public</cap:scope>", $"<cap:scope>Public</cap:scope>\n  <cap:note>{note}</cap:note>", StringComparison.Ordinal);
        var cancelled = await PostOkAsync(cancel);
        var incidentId = imported.GetProperty("incidentId").GetGuid();
        var closed = (await _duty.ReadLogAsync()).Single(e => e.IncidentId == incidentId && e.Type == EventTypes.IncidentStatusChanged)
            .DataAs<Agencies.Contracts.Incidents.IncidentStatusChanged>();
        Assert.Multiple(() =>
        {
            Assert.That(note, Has.Length.GreaterThan(2000));
            Assert.That(cancelled.GetProperty("incidentId").GetGuid(), Is.EqualTo(incidentId));
            Assert.That(closed.To, Is.EqualTo(Agencies.Contracts.Reference.IncidentStatus.Closed));
            Assert.That(closed.Reason, Does.StartWith($"Cancelled by CAP {Authority}: انحسرت المياه"), "whose cancel, then the note");
            Assert.That(closed.Reason, Has.Length.EqualTo(Coordination.Hub.Features.Incidents.ChangeStatus.ReasonMaxLength).And.EndsWith("…"), "cut to a reason's length, showing where");
        });
    }

    /// <summary>
    /// A warning as a meteorological centre publishes one: prefixed namespace, indented, Arabic and English infos,
    /// a polygon and a district geocode. <paramref name="reference"/> is what a later message's references would name.
    /// </summary>
    internal static string Warning(string sender, out string reference, string msgType = "Alert", string? references = null, string severity = "Severe",
        string hazardWords = "Flash flood", string category = "Met", string arabicEvent = "سيول")
    {
        var identifier = $"2.49.0.1.434.0.{Guid.NewGuid():N}";
        var sent = DateTimeOffset.UtcNow.AddMinutes(-2).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        reference = $"{sender},{identifier},{sent}";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <cap:alert xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2">
              <cap:identifier>{identifier}</cap:identifier>
              <cap:sender>{sender}</cap:sender>
              <cap:sent>{sent}</cap:sent>
              <cap:status>Actual</cap:status>
              <cap:msgType>{msgType}</cap:msgType>
              <cap:scope>Public</cap:scope>{(references is null ? "" : $"\n  <cap:references>{references}</cap:references>")}
              <cap:info>
                <cap:language>ar-LY</cap:language>
                <cap:category>{category}</cap:category>
                <cap:event>{arabicEvent}</cap:event>
                <cap:responseType>Prepare</cap:responseType>
                <cap:urgency>Expected</cap:urgency>
                <cap:severity>{severity}</cap:severity>
                <cap:certainty>Likely</cap:certainty>
                <cap:senderName>المركز الوطني للأرصاد الجوية</cap:senderName>
                <cap:headline>تحذير من سيول في الجبل الأخضر</cap:headline>
                <cap:description>أمطار غزيرة تصل إلى 80 ملم خلال 12 ساعة.</cap:description>
                <cap:area>
                  <cap:areaDesc>الجبل الأخضر</cap:areaDesc>
                  <cap:polygon>32.6,21.5 32.9,21.5 32.9,22.0 32.6,22.0 32.6,21.5</cap:polygon>
                  <cap:geocode><cap:valueName>LY-district</cap:valueName><cap:value>jabal-akhdar</cap:value></cap:geocode>
                </cap:area>
              </cap:info>
              <cap:info>
                <cap:language>en-GB</cap:language>
                <cap:category>{category}</cap:category>
                <cap:event>{hazardWords}</cap:event>
                <cap:urgency>Expected</cap:urgency>
                <cap:severity>{severity}</cap:severity>
                <cap:certainty>Likely</cap:certainty>
                <cap:headline>{hazardWords} warning for Jabal al Akhdar</cap:headline>
              </cap:info>
            </cap:alert>
            """;
    }

    private async Task<JsonElement> PostOkAsync(string xml)
    {
        using var content = new StringContent(xml, Encoding.UTF8, "application/cap+xml");
        using var response = await _duty.PostAsync(new Uri("api/cap", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task RefusedAsync(string xml, HttpStatusCode status, string says)
    {
        var log = _hub.Services.GetRequiredService<IEventLog>();
        var head = await log.HeadPositionAsync(default);
        using var content = new StringContent(xml, Encoding.UTF8, "application/cap+xml");
        using var response = await _duty.PostAsync(new Uri("api/cap", UriKind.Relative), content);
        var text = System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), text);
            Assert.That(text, Does.Contain(says));
            Assert.That(await log.HeadPositionAsync(default), Is.EqualTo(head), "nothing written");
        });
    }
}
