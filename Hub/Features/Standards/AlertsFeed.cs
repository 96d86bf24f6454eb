using System.Xml.Linq;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// A CAP Atom feed of incidents, newest first, each entry the incident's latest CAP message: for a signed-in caller
/// the incidents they may see (a liaison: those routed to their agency), and for anyone (partners, the media) the
/// public ones, never a restricted incident or an exercise. Feed readers poll it; it never writes.
/// </summary>
public sealed class AlertsFeed(ReadModels readModels, IEventLog log, RestrictedAccessAudit audit, CapOptions options) : IUseCase<AlertsFeed.Query, string>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The most incidents one feed carries.</summary>
    public const int Entries = 50;

    /// <summary>
    /// <c>Public</c>: the feed for anyone, its reads counted per client address (anonymous readers have no user to
    /// count by); otherwise the caller's own, counted per user.
    /// </summary>
    public sealed record Query(bool Public, string Address) : IFromAddress
    {
        public string ClientAddress => Address;
    }

    public Policy Policy => Policies.Anyone;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<string> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Public)
        {
            // The caller's own feed is a read of incidents: the same row of the roles table as the board.
            Policies.SeeIncidents.Demand(caller);
        }

        var incidents = (await readModels.ListIncidentsAsync(
                new BoardFilter(RoutedToAgency: request.Public || caller.SeesEverything ? null : caller.Agency, Limit: request.Public ? Entries * 4 : Entries), cancellationToken))
            .Where(i => !request.Public || (i.Classification == Classification.Public && !i.IsExercise))
            .Take(Entries)
            .ToList();
        var restricted = incidents.Where(i => i.Classification == Classification.Restricted).Select(i => i.IncidentId).ToArray();
        if (restricted.Length > 0)
        {
            await audit.RecordAsync(caller, restricted, "cap-feed");
        }

        var sender = new CapAlerts.Sender(options.Sender, options.SenderNameAr, options.SenderNameEn, options.Contact);
        var entries = new List<XElement>();
        foreach (var incident in incidents)
        {
            if (CapAlerts.For(await log.ReadIncidentAsync(incident.IncidentId, cancellationToken), sender) is [.., var latest])
            {
                entries.Add(new XElement(Atom + "entry",
                    new XElement(Atom + "id", latest.Element(CapAlerts.Cap + "identifier")!.Value),
                    new XElement(Atom + "title", $"{incident.Reference}: {incident.Title}"),
                    new XElement(Atom + "updated", latest.Element(CapAlerts.Cap + "sent")!.Value),
                    new XElement(Atom + "content", new XAttribute("type", "application/cap+xml"), latest)));
            }
        }

        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"urn:coordination:{(request.Public ? "public" : "feed:" + caller.Agency)}"),
            new XElement(Atom + "title", request.Public ? $"{options.SenderNameEn}: public alerts" : $"{options.SenderNameEn}: alerts for {caller.Agency}"),
            new XElement(Atom + "updated", entries.Count > 0 ? entries.Max(e => e.Element(Atom + "updated")!.Value) : CapAlerts.Time(DateTimeOffset.UnixEpoch)),
            new XElement(Atom + "author", new XElement(Atom + "name", options.SenderNameEn)),
            entries.OrderByDescending(e => e.Element(Atom + "updated")!.Value, StringComparer.Ordinal));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed).ToString();
    }
}
