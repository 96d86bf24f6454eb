using System.Diagnostics;
using System.Diagnostics.Metrics;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Realtime;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Telemetry;

/// <summary>
/// What the hub itself tells operators: pushes to SignalR groups, this hub's live connections per agency, the alerts
/// waiting for acknowledgement per agency (the same on every hub: it is the database's), catch-up requests, and
/// refusals by reason. Labels are agency codes, reasons and surfaces only: never a user name or incident content.
/// Spans: <c>hub.push</c> per push (under MassTransit's consume span) and <c>hub.call</c> per hub method call.
/// </summary>
public sealed class HubTelemetry
{
    public const string Name = "Coordination.Hub";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _pushes;
    private readonly Counter<long> _pushedEntries;
    private readonly Counter<long> _catchUps;
    private readonly Counter<long> _refusals;
    private readonly ReadModels _readModels;
    private readonly AgencyDirectory _agencies;
    private IReadOnlyDictionary<string, int> _waiting = new Dictionary<string, int>();

    public HubTelemetry(IMeterFactory meters, LiveConnections connections, ReadModels readModels, AgencyDirectory agencies)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(connections);
        _readModels = readModels;
        _agencies = agencies;
        var meter = meters.Create(Name);
        _pushes = meter.CreateCounter<long>("coordination.pushes", "{message}", "EntriesAppended messages sent to SignalR groups (one per group and page)");
        _pushedEntries = meter.CreateCounter<long>("coordination.pushed.entries", "{entry}", "Entries sent in those messages");
        _catchUps = meter.CreateCounter<long>("coordination.catchup.requests", "{request}", "Catch-up requests (REST and hub method), refused ones included");
        _refusals = meter.CreateCounter<long>("coordination.refusals", "{refusal}", "Commands and reads refused, by reason and surface (rest, hub)");
        meter.CreateObservableGauge("coordination.clients.connected", () => Connected(connections), "{connection}",
            "Live SignalR connections on this hub, by the agency of the signed-in user");
        meter.CreateObservableGauge("coordination.alerts.waiting", Waiting, "{alert}",
            "Alerts of open incidents not yet acknowledged, by agency (read from the database when the metrics are read)");
    }

    /// <summary>Reads what the gauges show from the database; called before each scrape.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        _waiting = await _readModels.CountAlertsWaitingAsync(cancellationToken);

    public void Pushed(int entries, string audience)
    {
        var tag = new KeyValuePair<string, object?>("audience", audience);
        _pushes.Add(1, tag);
        _pushedEntries.Add(entries, tag);
    }

    public void CatchUp() => _catchUps.Add(1);

    public void Refused(Exception exception, int? status, string surface) =>
        _refusals.Add(1, new KeyValuePair<string, object?>("reason", Reason(exception, status)), new KeyValuePair<string, object?>("surface", surface));

    /// <summary>Why, in one word a dashboard can group by; from the kind of refusal, never its words.</summary>
    public static string Reason(Exception exception, int? status) => exception switch
    {
        FluentValidation.ValidationException => "invalid",
        Persistence.EventLog.ConcurrencyConflictException => "stale_version",
        Refusals.UnreadableRequestException => "unreadable",
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } => "unreadable",
        _ => status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status401Unauthorized => "unauthenticated",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status409Conflict => "conflict",
            StatusCodes.Status413PayloadTooLarge => "too_large",
            StatusCodes.Status429TooManyRequests => "rate_limited",
            _ => "other",
        },
    };

    private static IEnumerable<Measurement<int>> Connected(LiveConnections connections) =>
        connections.Snapshot()
            .Where(u => u.Connections > 0)
            .GroupBy(u => u.Agency, StringComparer.Ordinal)
            .Select(g => new Measurement<int>(g.Sum(u => u.Connections), new KeyValuePair<string, object?>("agency", g.Key)));

    // Every responding agency, 0 included, so "back to 0" is a value and not a line that vanished.
    private IEnumerable<Measurement<int>> Waiting()
    {
        var waiting = _waiting;
        return _agencies.All.Where(a => a.Kind != "DutyOffice").Select(a => a.Code).Union(waiting.Keys, StringComparer.Ordinal)
            .Select(code => new Measurement<int>(waiting.GetValueOrDefault(code), new KeyValuePair<string, object?>("agency", code)));
    }
}
