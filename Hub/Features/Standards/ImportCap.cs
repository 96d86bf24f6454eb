using System.Xml.Linq;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;
using Severity = Coordination.Agencies.Contracts.Reference.Severity;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// Takes in a CAP 1.2 message (a meteorological warning, a partner's alert): an <c>Alert</c> becomes an incident,
/// routed like any other; an <c>Update</c> an update of the incident its first reference began; a <c>Cancel</c>
/// closes that incident. The event ids derive from the message's sender, identifier and sent time, so the same
/// message taken in twice is stored once. A message that breaks the schema or CAP's own rules, or that the hub cannot
/// place in Libya, is refused naming why, and nothing is written. Each step runs as the importing user through the
/// same use case as a typed command.
/// </summary>
public sealed class ImportCap(UseCasePipeline pipeline, ReportIncident report, PostUpdate update, ChangeStatus status, CapOptions options, TimeProvider time)
    : IUseCase<ImportCap.Message, ImportCap.Imported>
{
    private static readonly Guid Namespace = new("5eed5eed-0000-4000-8000-0000000ca901");

    /// <summary>The message as received (its declared encoding is honoured).</summary>
    public sealed record Message(byte[] Body);

    /// <summary>What the message became: its type, the incident, and whether it had been taken in before.</summary>
    public sealed record Imported(string MsgType, Guid IncidentId, long Position, bool WasDuplicate);

    public Policy Policy => Policies.ReportIncident;

    public async Task<Imported> HandleAsync(Caller caller, Message request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = new MemoryStream(request.Body, writable: false);
        var (alert, problems) = CapReader.Read(body);
        if (alert is null)
        {
            throw Refused(problems.ToArray());
        }

        var sender = CapToIncident.Text(alert, "sender");
        if (options.TrustedSenders.Length > 0 && !options.TrustedSenders.Contains(sender, StringComparer.Ordinal))
        {
            throw Refuse.UntrustedCapSender(sender);
        }

        var statusText = CapToIncident.Text(alert, "status");
        if (statusText is not ("Actual" or "Exercise"))
        {
            throw Refused($"status {statusText} is not for action (only Actual and Exercise are taken in)");
        }

        if (CapToIncident.Text(alert, "scope") != "Public")
        {
            throw Refused("only Public messages are taken in: the duty office decides who is cleared for a restricted incident");
        }

        var eventId = DerivedEventId.Create(Namespace, $"{sender},{CapToIncident.Text(alert, "identifier")},{CapToIncident.Text(alert, "sent")}");
        var msgType = CapToIncident.Text(alert, "msgType");
        var info = CapToIncident.MainInfo(alert);
        switch (msgType)
        {
            case "Alert":
                var reported = await pipeline.RunAsync(report, caller, ReportFrom(alert, info, sender, eventId, statusText == "Exercise"), cancellationToken);
                return new Imported(msgType, reported.IncidentId, reported.Position, reported.WasDuplicate);
            case "Update":
                var updated = await pipeline.RunAsync(update, caller, new PostUpdate.Command(IncidentOf(alert), eventId,
                    Describe(info, sender) is { Length: > 0 } text ? text : $"CAP Update ({sender})", CapToIncident.Parse<Severity>(info, "severity"), null), cancellationToken);
                return new Imported(msgType, updated.IncidentId, updated.Position, updated.WasDuplicate);
            case "Cancel":
                var cancelled = await pipeline.RunAsync(status, caller, new ChangeStatus.Command(IncidentOf(alert), eventId, IncidentStatus.Closed,
                    $"Cancelled by CAP {sender}: {CapToIncident.Text(alert, "note")}".TrimEnd(' ', ':'), null), cancellationToken);
                return new Imported(msgType, cancelled.IncidentId, cancelled.Position, cancelled.WasDuplicate);
            default:
                throw Refused($"msgType {msgType} carries nothing to act on");
        }
    }

    private ReportIncidentRequest ReportFrom(XElement alert, XElement? info, string sender, Guid eventId, bool exercise)
    {
        var hazard = CapToIncident.Hazard(alert) ?? throw Refused("no hazard the hub knows in eventCode, event or category");
        var place = CapToIncident.Place(alert) ?? throw Refused("no area in Libya: a LY-district geocode, a district named in areaDesc, or a circle or polygon inside the country");
        var headline = info is null ? "" : CapToIncident.Text(info, "headline");
        // When it happened: onset or effective when already past, else the message's own time (forecasts start later).
        var now = time.GetUtcNow();
        var occurred = new[] { CapToIncident.Time(info, "onset"), CapToIncident.Time(info, "effective"), CapToIncident.Time(alert, "sent") }
            .FirstOrDefault(t => t is { } at && at <= now);
        return new ReportIncidentRequest(
            eventId, hazard, CapToIncident.Parse<CapCategory>(info, "category"), CapToIncident.Parse<Severity>(info, "severity") ?? Severity.Unknown,
            CapToIncident.Parse<Urgency>(info, "urgency"), CapToIncident.Parse<Certainty>(info, "certainty"),
            Truncate(headline.Length > 0 ? headline : info is null ? hazard.ToString() : CapToIncident.Text(info, "event"), 200),
            Truncate(Describe(info, sender), 4000), place.District, null, place.Latitude, place.Longitude, occurred, Classification.Public, null, exercise);
    }

    /// <summary>The incident the series began with: the one its first reference's Alert created.</summary>
    private static Guid IncidentOf(XElement alert) =>
        CapToIncident.FirstReference(alert) is { } first
            ? DerivedEventId.Create(DerivedEventId.Create(Namespace, first), "incident")
            : throw Refused("references names no earlier message");

    /// <summary>The description, the instruction, and where it came from (so the timeline says it was a CAP message).</summary>
    private static string Describe(XElement? info, string sender) =>
        string.Join("\n\n", new[] { info is null ? null : CapToIncident.Text(info, "description"), info is null ? null : CapToIncident.Text(info, "instruction"), $"[CAP: {sender}]" }
            .Where(t => !string.IsNullOrWhiteSpace(t)));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static ValidationException Refused(params string[] problems) =>
        new(problems.Select(p => new ValidationFailure("cap", Invalid.CapNotAcceptable(p).ToString())));
}
