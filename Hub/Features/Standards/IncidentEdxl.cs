using System.Globalization;
using System.Xml.Linq;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// An incident's latest CAP message in an OASIS EDXL-DE 1.0 envelope, for agency-to-agency exchange: addressed to
/// the agencies alerted (recipient roles and explicit addresses by agency code), its status matching the CAP
/// status, a restricted incident's combined confidentiality RESTRICTED, and its target area Libya (and the
/// reported point, when there is one).
/// </summary>
public sealed class IncidentEdxl(IncidentAccess access, IEventLog log, RestrictedAccessAudit audit, CapOptions options) : IUseCase<IncidentEdxl.Query, string>
{
    public static readonly XNamespace Edxl = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";

    /// <summary>The agencies as EDXL-DE names them: a value list of this hub's agency codes.</summary>
    public const string AgencyList = "urn:ly:coordination:agency";

    public sealed record Query(Guid IncidentId);

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<string> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var incident = await access.GetVisibleAsync(caller, request.IncidentId, cancellationToken);
        var restricted = incident.Board.Classification == Classification.Restricted;
        if (restricted)
        {
            await audit.RecordAsync(caller, [request.IncidentId], "edxl");
        }

        var alert = CapAlerts.For(await log.ReadIncidentAsync(request.IncidentId, cancellationToken),
            new CapAlerts.Sender(options.Sender, options.SenderNameAr, options.SenderNameEn, options.Contact))[^1];
        string Cap(string name) => alert.Element(CapAlerts.Cap + name)!.Value;
        var agencies = incident.CurrentAgencies.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var envelope = new XElement(Edxl + "EDXLDistribution",
            new XElement(Edxl + "distributionID", Cap("identifier")),
            new XElement(Edxl + "senderID", options.Sender),
            new XElement(Edxl + "dateTimeSent", Cap("sent")),
            new XElement(Edxl + "distributionStatus", Cap("status")),
            new XElement(Edxl + "distributionType", Cap("msgType") == "Alert" ? "Report" : "Update"),
            new XElement(Edxl + "combinedConfidentiality", restricted ? "RESTRICTED" : "UNCLASSIFIED AND NOT SENSITIVE"),
            new XElement(Edxl + "language", "ar"),
            agencies.Length == 0 ? null : new XElement(Edxl + "recipientRole", new XElement(Edxl + "valueListUrn", AgencyList), agencies.Select(a => new XElement(Edxl + "value", a))),
            agencies.Length == 0 ? null : new XElement(Edxl + "explicitAddress", new XElement(Edxl + "explicitAddressScheme", AgencyList), agencies.Select(a => new XElement(Edxl + "explicitAddressValue", a))),
            new XElement(Edxl + "targetArea",
                incident.Board is { Latitude: { } lat, Longitude: { } lon } ? new XElement(Edxl + "circle", string.Create(CultureInfo.InvariantCulture, $"{lat:0.#####},{lon:0.#####} 5")) : null,
                new XElement(Edxl + "country", "LY")),
            new XElement(Edxl + "contentObject",
                new XElement(Edxl + "contentDescription", $"{incident.Board.Reference}: {incident.Board.Title}"),
                new XElement(Edxl + "incidentID", $"urn:uuid:{request.IncidentId:D}"),
                new XElement(Edxl + "confidentiality", restricted ? "RESTRICTED" : "UNCLASSIFIED AND NOT SENSITIVE"),
                new XElement(Edxl + "xmlContent", new XElement(Edxl + "embeddedXMLContent", alert))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), envelope).ToString();
    }
}
