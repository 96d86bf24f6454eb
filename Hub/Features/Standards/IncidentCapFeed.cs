using System.Xml.Linq;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// One incident's CAP 1.2 message history as an Atom feed (newest first), for a partner system that speaks CAP:
/// each entry's content is a whole CAP <c>alert</c>. The caller must be able to see the incident; a restricted one
/// is audited like any other read of it.
/// </summary>
public sealed class IncidentCapFeed(IncidentAccess access, IEventLog log, RestrictedAccessAudit audit, CapOptions options) : IUseCase<IncidentCapFeed.Query, string>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public sealed record Query(Guid IncidentId);

    public Policy Policy => Policies.SeeIncidents;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<string> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var incident = await access.GetVisibleAsync(caller, request.IncidentId, cancellationToken);
        if (incident.Board.Classification == Classification.Restricted)
        {
            await audit.RecordAsync(caller, [request.IncidentId], "cap");
        }

        var messages = CapAlerts.For(await log.ReadIncidentAsync(request.IncidentId, cancellationToken),
            new CapAlerts.Sender(options.Sender, options.SenderNameAr, options.SenderNameEn, options.Contact));
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"urn:uuid:{request.IncidentId:D}"),
            new XElement(Atom + "title", $"{incident.Board.Reference}: {incident.Board.Title}"),
            new XElement(Atom + "updated", messages.Count > 0 ? messages[^1].Element(CapAlerts.Cap + "sent")!.Value : CapAlerts.Time(incident.Board.ReportedAt)),
            new XElement(Atom + "author", new XElement(Atom + "name", options.SenderNameEn)),
            messages.AsEnumerable().Reverse().Select(alert => new XElement(Atom + "entry",
                new XElement(Atom + "id", alert.Element(CapAlerts.Cap + "identifier")!.Value),
                new XElement(Atom + "title", $"{alert.Element(CapAlerts.Cap + "msgType")!.Value}: {incident.Board.Title}"),
                new XElement(Atom + "updated", alert.Element(CapAlerts.Cap + "sent")!.Value),
                new XElement(Atom + "content", new XAttribute("type", "application/cap+xml"), alert))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).ToString();
    }
}
