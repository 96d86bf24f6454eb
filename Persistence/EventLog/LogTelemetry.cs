using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Coordination.Persistence.EventLog;

/// <summary>
/// What the log tells operators: entries appended (a counter, so Prometheus gives the rate), how long each append
/// took from its call to its commit, the head this process has committed, and a span per append. The meter comes
/// from the host's <see cref="IMeterFactory"/>, so two hubs in one process (as in the tests) count apart.
/// Each append's trace is remembered by the positions it wrote, for a little while, so the relay's page can link
/// back to the commands whose entries it publishes (a page carries many commands: a link each, not one parent).
/// </summary>
public sealed class LogTelemetry
{
    public const string Name = "Coordination.Persistence";

    /// <summary>Spans of the log: <c>log.append</c>.</summary>
    public static readonly ActivitySource Source = new(Name);

    // Enough for the relay's pages that follow (it reads at most 500 entries a page); older ones are dropped unlinked.
    private const int TracesKept = 4_000;
    private readonly ConcurrentDictionary<long, ActivityContext> _traces = new();
    private readonly ConcurrentQueue<long> _traceOrder = new();
    private readonly Counter<long> _entries;
    private readonly Histogram<double> _duration;
    private long _head;

    public LogTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        _entries = meter.CreateCounter<long>("coordination.log.appended", "{entry}", "Entries appended to the event log by this hub");
        _duration = meter.CreateHistogram<double>("coordination.log.append.duration", "s", "From an append's call to its commit (queue and group commit included)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    }

    /// <summary>The highest position this process has committed (0 before its first append).</summary>
    public long Head => Volatile.Read(ref _head);

    /// <summary>An append finished: counted, timed, and its trace kept against its positions.</summary>
    internal void Appended(AppendResult result, TimeSpan took, Activity? activity)
    {
        _duration.Record(took.TotalSeconds);
        if (result.WasDuplicate)
        {
            return;
        }

        _entries.Add(result.LastPosition - result.FirstPosition + 1);
        long seen;
        while ((seen = Volatile.Read(ref _head)) < result.LastPosition && Interlocked.CompareExchange(ref _head, result.LastPosition, seen) != seen)
        {
        }

        if (activity is not null)
        {
            _traces[result.LastPosition] = activity.Context;
            _traceOrder.Enqueue(result.LastPosition);
            while (_traceOrder.Count > TracesKept && _traceOrder.TryDequeue(out var old))
            {
                _traces.TryRemove(old, out _);
            }
        }
    }

    /// <summary>Links to the appends that wrote <paramref name="positions"/> (an append is found by its last position), taken once.</summary>
    public IReadOnlyList<ActivityLink> TakeLinks(IEnumerable<long> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (_traces.IsEmpty)
        {
            return [];
        }

        var links = new List<ActivityLink>();
        foreach (var position in positions)
        {
            if (_traces.TryRemove(position, out var context))
            {
                links.Add(new ActivityLink(context));
            }
        }

        return links;
    }
}
