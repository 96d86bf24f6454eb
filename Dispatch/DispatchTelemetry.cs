using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.EventLog;

namespace Coordination.Dispatch;

/// <summary>
/// What the relay and the escalation scanner tell operators: how far the relay is behind the log (the head minus
/// what it has published, only on the hub that holds the relay lease), how long each page takes to publish, and
/// the escalations appended by level; spans <c>relay.publish</c>, linked to the appends whose entries the page
/// carries, with MassTransit's own publish and consume spans beneath.
/// </summary>
public sealed class DispatchTelemetry
{
    public const string Name = "Coordination.Dispatch";

    public static readonly ActivitySource Source = new(Name);

    private readonly LogTelemetry _log;
    private readonly Histogram<double> _publish;
    private readonly Counter<long> _escalations;
    private long _seenHead;
    private long _published;
    private volatile bool _publishing;

    public DispatchTelemetry(IMeterFactory meters, LogTelemetry log)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _log = log;
        var meter = meters.Create(Name);
        _publish = meter.CreateHistogram<double>("coordination.relay.publish.duration", "s", "Publishing one page of the log to the bus, until the bus accepted it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15] });
        _escalations = meter.CreateCounter<long>("coordination.escalations", "{escalation}", "Escalation steps appended by this hub's scanner, by what escalated (alert, task, review) and level");
        meter.CreateObservableGauge("coordination.relay.lag", () => Lag(), "{entry}",
            "Entries logged but not yet published to the bus: the head minus the relay's position (only on the hub holding the relay lease)");
        meter.CreateObservableGauge("coordination.relay.published_position", () => _publishing ? [new Measurement<long>(Volatile.Read(ref _published))] : Array.Empty<Measurement<long>>(), "{position}",
            "The last position the relay published (only on the hub holding the relay lease)");
    }

    /// <summary>The head as this hub knows it: its own commits, and what the relay has read of other hubs'.</summary>
    public long Head => Math.Max(_log.Head, Volatile.Read(ref _seenHead));

    /// <summary>The lag now; none while this hub does not hold the relay lease.</summary>
    public IEnumerable<Measurement<long>> Lag() =>
        _publishing ? [new Measurement<long>(Math.Max(0, Head - Volatile.Read(ref _published)))] : [];

    internal void Publishing(bool holdsLease, long published)
    {
        _publishing = holdsLease;
        Volatile.Write(ref _published, published);
    }

    internal void Read(long lastPosition)
    {
        long seen;
        while ((seen = Volatile.Read(ref _seenHead)) < lastPosition && Interlocked.CompareExchange(ref _seenHead, lastPosition, seen) != seen)
        {
        }
    }

    internal void Published(long position, TimeSpan took)
    {
        Volatile.Write(ref _published, position);
        _publish.Record(took.TotalSeconds);
    }

    /// <summary>Links to the appends that wrote a page's entries, as far as this process made them.</summary>
    internal IEnumerable<ActivityLink> Links(IReadOnlyList<LogEntry> page) => _log.TakeLinks(page.Select(e => e.Position));

    /// <summary>Counts an escalation the scanner appended; reminders and first alerts are not escalations.</summary>
    internal void Appended(NewEvent entry)
    {
        var kind = entry.Type switch
        {
            EventTypes.AlertEscalated => "alert",
            EventTypes.TaskEscalated => "task",
            EventTypes.RiskReviewEscalated => "review",
            EventTypes.ImprovementItemEscalated => "improvement",
            _ => null,
        };
        if (kind is null)
        {
            return;
        }

        using var data = JsonDocument.Parse(entry.Data);
        var level = data.RootElement.TryGetProperty("level", out var value) && value.TryGetInt32(out var number) ? number : 0;
        _escalations.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("level", level));
    }
}
