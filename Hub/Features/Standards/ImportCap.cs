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
/// message taken in twice is stored once. A message that breaks the schema or CAP's own rules, that its sender's
/// trust does not allow (<see cref="CapTrust"/>: who, what, which hazards, its signature), or that the hub cannot
/// place in Libya, is refused naming why, and nothing is written. Each step runs as the importing user through the
/// same use case as a typed command. EDXL-DE envelopes and polled feeds hand their messages to this same import.
/// </summary>
public sealed class ImportCap(UseCasePipeline pipeline, ReportIncident report, PostUpdate update, ChangeStatus status, CapTrust trust, TimeProvider time, ILogger<ImportCap> logger)
    : IUseCase<ImportCap.Message, ImportCap.Imported>
{
    private static readonly Guid Namespace = new("5eed5eed-0000-4000-8000-0000000ca901");

    /// <summary>The message as received (its declared encoding is honoured); <c>FromSender</c>: a feed's, which its messages must name.</summary>
    public sealed record Message(byte[] Body, string? FromSender = null);

    /// <summary>What the message became: its type, the incident, and whether it had been taken in before.</summary>
    public sealed record Imported(string MsgType, Guid IncidentId, long Position, bool WasDuplicate);

    /// <summary>A message read, trusted and turned into the command it carries, before anything is written.</summary>
    public sealed record Prepared(string MsgType, string Sender, string Sent, ReportIncidentRequest? Report, PostUpdate.Command? Update, ChangeStatus.Command? Close);

    public Policy Policy => Policies.ReportIncident;

    public async Task<Imported> HandleAsync(Caller caller, Message request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ApplyAsync(caller, Prepare(request), cancellationToken);
    }

    /// <summary>Reads and checks the message and decides what it does; throws the refusal that names why not.</summary>
    public Prepared Prepare(Message request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = new MemoryStream(request.Body, writable: false);
        var (alert, problems) = CapReader.Read(body);
        if (alert is null)
        {
            throw Refused(problems.ToArray());
        }

        var sender = CapToIncident.Text(alert, "sender");
        if (request.FromSender is { } expected && !string.Equals(sender, expected, StringComparison.Ordinal))
        {
            throw Refused(new CapProblem("sender", InvalidCap.NotTheFeedsSender(sender, expected)));
        }

        var statusText = CapToIncident.Text(alert, "status");
        var msgType = CapToIncident.Text(alert, "msgType");
        var hazard = msgType == "Alert" ? CapToIncident.Hazard(alert) : null;
        trust.Demand(alert, sender, msgType, hazard, time.GetUtcNow());
        if (statusText is not ("Actual" or "Exercise"))
        {
            throw Refused(new CapProblem("status", InvalidCap.StatusNotForAction(statusText)));
        }

        if (CapToIncident.Text(alert, "scope") != "Public")
        {
            throw Refused(new CapProblem("scope", InvalidCap.OnlyPublic));
        }

        var sent = CapToIncident.Text(alert, "sent");
        var eventId = DerivedEventId.Create(Namespace, $"{sender},{CapToIncident.Text(alert, "identifier")},{sent}");
        var info = CapToIncident.MainInfo(alert);
        return msgType switch
        {
            "Alert" => new(msgType, sender, sent, ReportFrom(alert, info, sender, eventId, statusText == "Exercise"), null, null),
            "Update" => new(msgType, sender, sent, null, new PostUpdate.Command(IncidentOf(alert, sender), eventId,
                Describe(info, sender, PostUpdate.TextMaxLength), CapToIncident.Parse<Severity>(info, "severity"), null), null),
            // Whose cancel first, so a cut of a long note keeps it.
            "Cancel" => new(msgType, sender, sent, null, null, new ChangeStatus.Command(IncidentOf(alert, sender), eventId, IncidentStatus.Closed,
                Truncate($"Cancelled by CAP {sender}: {CapToIncident.Text(alert, "note")}".TrimEnd(' ', ':'), ChangeStatus.ReasonMaxLength), null)),
            _ => throw Refused(new CapProblem("msgType", InvalidCap.NothingToActOn(msgType))),
        };
    }

    /// <summary>Does what a prepared message carries, as <paramref name="caller"/>, through the same use cases as typed commands.</summary>
    public async Task<Imported> ApplyAsync(Caller caller, Prepared prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        Imported imported;
        Guid? eventId;
        switch (prepared)
        {
            case { Report: { } toReport }:
                var reported = await pipeline.RunAsync(report, caller, toReport, cancellationToken);
                (imported, eventId) = (new Imported(prepared.MsgType, reported.IncidentId, reported.Position, reported.WasDuplicate), toReport.EventId);
                break;
            case { Update: { } toUpdate }:
                var updated = await pipeline.RunAsync(update, caller, toUpdate, cancellationToken);
                (imported, eventId) = (new Imported(prepared.MsgType, updated.IncidentId, updated.Position, updated.WasDuplicate), toUpdate.EventId);
                break;
            default:
                var cancelled = await pipeline.RunAsync(status, caller, prepared.Close!, cancellationToken);
                (imported, eventId) = (new Imported(prepared.MsgType, cancelled.IncidentId, cancelled.Position, cancelled.WasDuplicate), prepared.Close!.EventId);
                break;
        }

        HubLogMessages.CapTakenIn(logger, prepared.MsgType, prepared.Sender, prepared.Sent, imported.IncidentId, eventId, imported.Position, imported.WasDuplicate);
        return imported;
    }

    private ReportIncidentRequest ReportFrom(XElement alert, XElement? info, string sender, Guid eventId, bool exercise)
    {
        var hazard = CapToIncident.Hazard(alert) ?? throw Refused(new CapProblem("info", InvalidCap.NoHazard));
        var place = CapToIncident.Place(alert) ?? throw Refused(new CapProblem("info", InvalidCap.NoArea));
        var headline = info is null ? "" : CapToIncident.Text(info, "headline");
        // When it happened: onset or effective when already past, else the message's own time (forecasts start later).
        var now = time.GetUtcNow();
        var occurred = new[] { CapToIncident.Time(info, "onset"), CapToIncident.Time(info, "effective"), CapToIncident.Time(alert, "sent") }
            .FirstOrDefault(t => t is { } at && at <= now);
        return new ReportIncidentRequest(
            eventId, hazard, CapToIncident.Parse<CapCategory>(info, "category"), CapToIncident.Parse<Severity>(info, "severity") ?? Severity.Unknown,
            CapToIncident.Parse<Urgency>(info, "urgency"), CapToIncident.Parse<Certainty>(info, "certainty"),
            Truncate(headline.Length > 0 ? headline : info is null ? hazard.ToString() : CapToIncident.Text(info, "event"), ReportIncident.TitleMaxLength),
            Describe(info, sender, ReportIncident.DescriptionMaxLength), place.District, null, place.Latitude, place.Longitude, occurred, Classification.Public, null, exercise);
    }

    /// <summary>
    /// The incident the series began with: the one its first reference's Alert created. Only the sender's own series:
    /// a trusted sender must not update or close what another sender began.
    /// </summary>
    private static Guid IncidentOf(XElement alert, string sender)
    {
        var first = CapToIncident.FirstReference(alert) ?? throw Refused(new CapProblem("references", InvalidCap.NoEarlierMessage));
        if (!string.Equals(first.Split(',')[0], sender, StringComparison.Ordinal))
        {
            throw Refused(new CapProblem("references", InvalidCap.NotOwnSeries(first, sender)));
        }

        return DerivedEventId.Create(DerivedEventId.Create(Namespace, first), "incident");
    }

    /// <summary>
    /// The description and the instruction, cut to fit, then where it came from, always kept (so the timeline says it was
    /// a CAP message and whose, however long the sender's text).
    /// </summary>
    private static string Describe(XElement? info, string sender, int max)
    {
        var source = $"[CAP: {sender}]";
        var text = string.Join("\n\n", new[] { info is null ? null : CapToIncident.Text(info, "description"), info is null ? null : CapToIncident.Text(info, "instruction") }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        return text.Length == 0 ? source : $"{Truncate(text, max - source.Length - 2)}\n\n{source}";
    }

    /// <summary>
    /// A text cut to the incident's limit, ending in an ellipsis where it was cut. CAP sets no length on a headline, a
    /// description or a note, and a message is taken in whole rather than refused for its length: a refused warning (or
    /// cancel) is a lost one.
    /// </summary>
    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never half a surrogate pair: the kept text must stay valid UTF-16.
        var keep = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return string.Concat(text.AsSpan(0, keep).TrimEnd(), "…");
    }

    /// <summary>The key of a problem with the message as a whole.</summary>
    public const string WholeMessage = "cap";

    /// <summary>400 naming each problem, keyed by the element at fault (<see cref="WholeMessage"/> for the message as a whole).</summary>
    public static ValidationException Refused(params CapProblem[] problems) =>
        new(problems.Select(p => new ValidationFailure(p.Field.Length == 0 ? WholeMessage : p.Field, Invalid.CapNotAcceptable(p.Why).ToString())));
}
