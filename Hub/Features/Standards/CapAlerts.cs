using System.Globalization;
using System.Xml.Linq;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// An incident as OASIS CAP 1.2 messages, one per step of its story: the report is an <c>Alert</c>, each update and
/// status change an <c>Update</c> that references every message before it, and the closing an <c>Update</c> whose
/// response is <c>AllClear</c>. Each message has one <c>info</c> per language, Arabic then English, and gives times
/// in Libya's time (UTC+02:00; CAP forbids <c>Z</c>). A restricted incident is <c>scope</c> Restricted, and an
/// exercise <c>status</c> Exercise, end to end.
/// </summary>
public static class CapAlerts
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>Libya keeps UTC+2 all year.</summary>
    private static readonly TimeSpan LibyaOffset = TimeSpan.FromHours(2);

    private static readonly Dictionary<CapCategory, string> Categories = new()
    {
        [CapCategory.Geo] = "Geo", [CapCategory.Met] = "Met", [CapCategory.Safety] = "Safety", [CapCategory.Security] = "Security",
        [CapCategory.Rescue] = "Rescue", [CapCategory.Fire] = "Fire", [CapCategory.Health] = "Health", [CapCategory.Env] = "Env",
        [CapCategory.Transport] = "Transport", [CapCategory.Infra] = "Infra", [CapCategory.CBRNE] = "CBRNE", [CapCategory.Other] = "Other",
    };

    /// <summary>The sender and its names, as partners see them on every message.</summary>
    public sealed record Sender(string Id, string NameAr, string NameEn, string Contact);

    /// <summary>Every CAP message of the incident whose entries are <paramref name="entries"/> (in log order), oldest first.</summary>
    public static IReadOnlyList<XElement> For(IReadOnlyList<LogEntry> entries, Sender sender)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(sender);
        var messages = new List<XElement>();
        var references = new List<string>();
        IncidentReported? report = null;
        var severity = Severity.Unknown;
        var closed = false;
        foreach (var entry in entries)
        {
            string? text = null;
            switch (entry.Type)
            {
                case EventTypes.IncidentReported:
                    report = entry.DataAs<IncidentReported>();
                    severity = report.Severity;
                    break;
                case EventTypes.IncidentUpdated when report is not null:
                    var update = entry.DataAs<IncidentUpdated>();
                    severity = update.Severity ?? severity;
                    text = update.Text;
                    break;
                case EventTypes.IncidentStatusChanged when report is not null:
                    var status = entry.DataAs<IncidentStatusChanged>();
                    closed = status.To == IncidentStatus.Closed;
                    text = status.Reason;
                    break;
                default:
                    continue;
            }

            var identifier = $"urn:uuid:{report!.IncidentId:D}.v{entry.Version}";
            var sent = Time(entry.RecordedAt);
            messages.Add(Message(report, sender, identifier, sent, references, severity, text, closed));
            references.Add($"{sender.Id},{identifier},{sent}");
        }

        return messages;
    }

    private static XElement Message(IncidentReported report, Sender sender, string identifier, string sent, List<string> references, Severity severity, string? text, bool closed)
    {
        var restricted = report.Classification == Classification.Restricted;
        return new XElement(Cap + "alert",
            new XElement(Cap + "identifier", identifier),
            new XElement(Cap + "sender", sender.Id),
            new XElement(Cap + "sent", sent),
            new XElement(Cap + "status", report.IsExercise ? "Exercise" : "Actual"),
            new XElement(Cap + "msgType", references.Count == 0 ? "Alert" : "Update"),
            new XElement(Cap + "scope", restricted ? "Restricted" : "Public"),
            restricted ? new XElement(Cap + "restriction", "Restricted incident: for the agencies cleared for it only. بلاغ مقيد: للجهات المخوّلة فقط.") : null,
            report.IsExercise ? new XElement(Cap + "note", "Exercise, not a real emergency. تمرين وليس طارئاً حقيقياً.") : null,
            references.Count == 0 ? null : new XElement(Cap + "references", string.Join(' ', references)),
            new XElement(Cap + "incidents", $"urn:uuid:{report.IncidentId:D}"),
            Info(report, sender, "ar", severity, text, closed),
            Info(report, sender, "en", severity, text, closed));
    }

    private static XElement Info(IncidentReported report, Sender sender, string language, Severity severity, string? text, bool closed)
    {
        var arabic = language == "ar";
        var hazard = Hazards.All.First(h => h.Type == report.Hazard);
        var district = Districts.All.FirstOrDefault(d => d.Code == report.Location.District);
        var description = string.Join("\n\n", new[] { report.Description, text }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new XElement(Cap + "info",
            new XElement(Cap + "language", language),
            new XElement(Cap + "category", Categories[report.Category]),
            new XElement(Cap + "event", arabic ? hazard.NameAr : hazard.NameEn),
            new XElement(Cap + "responseType", closed ? "AllClear" : "Monitor"),
            new XElement(Cap + "urgency", report.Urgency.ToString()),
            new XElement(Cap + "severity", severity.ToString()),
            new XElement(Cap + "certainty", report.Certainty.ToString()),
            new XElement(Cap + "eventCode", new XElement(Cap + "valueName", "hazard"), new XElement(Cap + "value", report.Hazard.ToString())),
            new XElement(Cap + "senderName", arabic ? sender.NameAr : sender.NameEn),
            new XElement(Cap + "headline", report.Title),
            description.Length == 0 ? null : new XElement(Cap + "description", description),
            new XElement(Cap + "contact", sender.Contact),
            new XElement(Cap + "area",
                new XElement(Cap + "areaDesc", district is null ? report.Location.District : arabic ? district.NameAr : district.NameEn),
                report.Location is { Latitude: { } lat, Longitude: { } lon }
                    ? new XElement(Cap + "circle", string.Create(CultureInfo.InvariantCulture, $"{lat:0.#####},{lon:0.#####} 5"))
                    : null,
                new XElement(Cap + "geocode", new XElement(Cap + "valueName", "LY-district"), new XElement(Cap + "value", report.Location.District))));
    }

    /// <summary>A CAP date-time: seconds, Libya's offset written out (never <c>Z</c>).</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(LibyaOffset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
