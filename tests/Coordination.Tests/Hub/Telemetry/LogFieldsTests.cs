using System.Globalization;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Hub.Telemetry;

/// <summary>
/// An operator searching the hub's log for one incident finds every line about it by its fields: the command's
/// lines name the incident, the event and the position it landed at; the push names the positions it carried; the
/// flag for an agency with nobody connected names the incident, its own event and position. Read from a real hub's
/// logging, scopes included, as the JSON console formatter writes them.
/// </summary>
[TestFixture]
public sealed class LogFieldsTests
{
    [Test]
    public async Task A_report_and_an_acknowledgement_are_logged_with_their_incident_event_and_position()
    {
        var log = new CapturedLog();
        await using var hub = await HubHost.StartFreshAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Coordination"] = "Debug",
                ["Coordination:Realtime:PresenceInterval"] = "00:00:00.500",
                ["Coordination:Realtime:FlagUnreachableAgencies"] = "true",
            },
            services: s => s.AddSingleton<ILoggerProvider>(log));
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        await using var liaison = await hub.ConnectAsync("liaison.ncem");

        var reportId = Guid.NewGuid();
        var report = await duty.PostOkAsync("api/incidents", With(ApiCalls.DernaFlood(), reportId));
        var incidentId = report.GetProperty("incidentId").GetGuid();
        var reportPosition = report.GetProperty("position").GetInt64();
        await liaison.WaitForAsync(e => e.IncidentId == incidentId && e.Type == EventTypes.AgencyAlerted, TimeSpan.FromSeconds(20));

        var ackId = Guid.NewGuid();
        var ack = await ncem.PostOkAsync($"api/incidents/{incidentId}/acknowledge", new { eventId = ackId });
        var ackPosition = ack.GetProperty("position").GetInt64();

        var reported = await log.WaitForAsync(l => l.Field("UseCase") == "ReportIncident" && l.Field("EventId") == reportId.ToString());
        var acknowledged = await log.WaitForAsync(l => l.Field("UseCase") == "AcknowledgeAlert" && l.Field("EventId") == ackId.ToString());
        var pushed = await log.WaitForAsync(l => l.EventName == "Pushed" && Covers(l, ackPosition));
        var unreachable = await log.WaitForAsync(l => l.EventName == "AgencyUnreachable" && l.Field("IncidentId") == incidentId.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(reported.Field("IncidentId"), Is.EqualTo(incidentId.ToString()), log.Text);
            Assert.That(reported.Field("Position"), Is.EqualTo(Text(reportPosition)));
            Assert.That(acknowledged.Field("IncidentId"), Is.EqualTo(incidentId.ToString()));
            Assert.That(acknowledged.Field("Position"), Is.EqualTo(Text(ackPosition)));
            Assert.That(acknowledged.Message, Does.Contain(incidentId.ToString()).And.Contain(Text(ackPosition)), "in the text too, for a plain console");
            Assert.That(pushed.Field("FirstPosition"), Is.Not.Null);
            Assert.That(unreachable.Field("EventId"), Is.Not.Null.And.Not.EqualTo(reportId.ToString()), "the flag's own event");
            Assert.That(long.Parse(unreachable.Field("Position")!, CultureInfo.InvariantCulture), Is.GreaterThan(reportPosition));
        });
    }

    private static bool Covers(CapturedLog.Line line, long position) =>
        long.TryParse(line.Field("FirstPosition"), CultureInfo.InvariantCulture, out var first)
        && long.TryParse(line.Field("LastPosition"), CultureInfo.InvariantCulture, out var last)
        && first <= position && position <= last;

    private static string Text(long position) => position.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> With(object body, Guid eventId)
    {
        var fields = body.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(body));
        fields["eventId"] = eventId;
        return fields;
    }
}
