using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// EDXL-DE 1.0 in: an envelope's embedded CAP alerts are each taken in as POST /api/cap would take them (a signed one
/// still verifies inside the envelope); an envelope that breaks the OASIS schema, carries no CAP, or carries one bad
/// message among good ones is refused naming why, with nothing written.
/// </summary>
[TestFixture]
public sealed class EdxlImportTests
{
    private const string Met = "urn:oid:2.49.0.0.434.0";
    private const string Authority = "alerts@ncem.gov.ly";

    private TempDirectory _data = null!;
    private CapSigner _met = null!;
    private HubHost _hub = null!;
    private HttpClient _duty = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _data = new TempDirectory();
        _met = new CapSigner("Libyan National Meteorological Center");
        _hub = await HubHost.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["Coordination:Cap:Senders:0:Id"] = Met,
            ["Coordination:Cap:Senders:0:RequireSignature"] = "true",
            ["Coordination:Cap:Senders:0:Certificates:0"] = _met.WritePem(Path.Combine(_data.Path, "met.pem")),
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
        _data.Dispose();
    }

    [Test]
    public async Task An_envelope_with_a_signed_warning_and_an_update_whose_prefix_the_envelope_declares_is_taken_in_message_by_message()
    {
        var signed = _met.Sign(CapTrustTests.Warning(Met, out _));
        var alert = CapTrustTests.Warning(Authority, out var reference);
        // The update's cap: prefix is declared on the envelope, not on the alert: lifted out, it still reads as CAP.
        var update = Bare(CapTrustTests.Warning(Authority, out _, msgType: "Update", references: reference, severity: "Extreme"))
            .Replace(" xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\"", "", StringComparison.Ordinal);
        using var response = await PostAsync(Envelope([Bare(signed), Bare(alert), update], "xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var messages = JsonDocument.Parse(text).RootElement.GetProperty("messages").EnumerateArray().ToList();
        var updated = (await _duty.GetOkAsync($"api/incidents/{messages[1].GetProperty("incidentId").GetGuid()}")).GetProperty("incident");
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => m.GetProperty("msgType").GetString()), Is.EqualTo(new[] { "Alert", "Alert", "Update" }));
            Assert.That(messages[2].GetProperty("incidentId").GetGuid(), Is.EqualTo(messages[1].GetProperty("incidentId").GetGuid()));
            Assert.That(messages[0].GetProperty("incidentId").GetGuid(), Is.Not.EqualTo(messages[1].GetProperty("incidentId").GetGuid()));
            Assert.That(updated.GetProperty("severity").GetString(), Is.EqualTo("Extreme"));
        });

        // The same envelope again: every message a duplicate, nothing new.
        using var again = await PostAsync(Envelope([Bare(signed), Bare(alert), update], "xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\""));
        var repeated = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("messages").EnumerateArray();
        Assert.That(repeated.Select(m => m.GetProperty("wasDuplicate").GetBoolean()), Is.All.True);
    }

    [TestCase("one altered signed message among good ones", "alert 2: The CAP message cannot be taken in: signature")]
    [TestCase("an unsigned message from a sender that must sign", "alert 1: The CAP message cannot be taken in: signature: sender")]
    [TestCase("no CAP inside", "embeds no CAP 1.2 alert")]
    [TestCase("no distributionStatus", "distributionStatus")]
    [TestCase("an external entity (XXE)", "DTD")]
    [TestCase("a CAP message where an envelope belongs", "not {urn:oasis:names:tc:emergency:EDXL:DE:1.0}EDXLDistribution")]
    public async Task A_bad_envelope_is_refused_naming_why_and_nothing_is_written(string what, string says)
    {
        var good = Bare(CapTrustTests.Warning(Authority, out _));
        var body = what switch
        {
            "one altered signed message among good ones" => Envelope([good, Bare(_met.Sign(CapTrustTests.Warning(Met, out _))).Replace("Severe", "Minor", StringComparison.Ordinal)]),
            "an unsigned message from a sender that must sign" => Envelope([Bare(CapTrustTests.Warning(Met, out _)), good]),
            "no CAP inside" => Envelope([]),
            "no distributionStatus" => Regex.Replace(Envelope([good]), "<distributionStatus>.*?</distributionStatus>", ""),
            "an external entity (XXE)" => "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>" + Envelope([good]).Replace("<distributionID>", "<distributionID>&xxe;", StringComparison.Ordinal),
            _ => CapTrustTests.Warning(Authority, out _),
        };
        var log = _hub.Services.GetRequiredService<IEventLog>();
        var head = await log.HeadPositionAsync(default);
        using var response = await PostAsync(body);
        var text = Regex.Unescape(await response.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{what}: {text}");
            Assert.That(text, Does.Contain(says), what);
            Assert.That(await log.HeadPositionAsync(default), Is.EqualTo(head), "nothing written");
        });
    }

    [Test]
    public async Task A_liaison_cannot_bring_in_an_envelope()
    {
        using var liaison = await _hub.ClientForAsync("liaison.ncem");
        using var response = await liaison.PostAsync(new Uri("api/edxl", UriKind.Relative), new StringContent(Envelope([]), Encoding.UTF8, "application/xml"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    /// <summary>A message without its XML declaration, as it sits inside an envelope.</summary>
    internal static string Bare(string xml) => Regex.Replace(xml, @"^\s*<\?xml[^>]*\?>\s*", "");

    /// <summary>An envelope as an agency's system sends one: each message its own contentObject.</summary>
    internal static string Envelope(IEnumerable<string> alerts, string declarations = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0" {declarations}>
          <distributionID>ncem-{Guid.NewGuid():N}</distributionID>
          <senderID>{Authority}</senderID>
          <dateTimeSent>{DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}</dateTimeSent>
          <distributionStatus>Actual</distributionStatus>
          <distributionType>Report</distributionType>
          <combinedConfidentiality>UNCLASSIFIED AND NOT SENSITIVE</combinedConfidentiality>
          <language>ar</language>
          <targetArea><country>LY</country></targetArea>
        {string.Concat(alerts.Select(a => $"""
              <contentObject>
                <contentDescription>CAP</contentDescription>
                <xmlContent><embeddedXMLContent>{a}</embeddedXMLContent></xmlContent>
              </contentObject>

            """))}</EDXLDistribution>
        """;

    private Task<HttpResponseMessage> PostAsync(string xml) =>
        _duty.PostAsync(new Uri("api/edxl", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
}
