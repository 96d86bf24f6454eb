using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Coordination.Hub.Telemetry;

/// <summary>
/// The hub's meters in Prometheus' text format (0.0.4), gathered by a <see cref="MeterListener"/>. Written here
/// rather than with OpenTelemetry's Prometheus exporter, which is still a beta: the format is small and stable,
/// and owning it lets the hub choose exactly which meters are shown (its own, MassTransit's, ASP.NET Core's
/// requests and connections, the runtime's), none of which carry a user name or incident content. Names follow OpenTelemetry's
/// conversion: dots to underscores, the unit as a suffix (<c>_seconds</c>), <c>_total</c> on counters.
/// Only the hub's and ASP.NET Core's meters made by this host's <see cref="IMeterFactory"/> are listened to, so two hubs
/// in one process (as in the tests) keep their figures apart; the runtime's and MassTransit's are the process's.
/// </summary>
public sealed class PrometheusExposition : IDisposable
{
    // The process's, whoever made them: the runtime's own (garbage collection, thread pool), and MassTransit's, which it
    // makes once per process from the first host's meter factory.
    private static readonly string[] SharedMeters = ["System.Runtime", "MassTransit"];
    private static readonly string[] HostMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel"];
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    private static readonly double[] DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    private readonly IMeterFactory _scope;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<Instrument, Family> _families = [];
    private readonly Lock _familiesLock = new();
    private readonly SemaphoreSlim _scrape = new(1, 1);

    public PrometheusExposition(IMeterFactory scope)
    {
        _scope = scope;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Wanted(instrument.Meter))
            {
                var family = new Family(instrument);
                lock (_familiesLock)
                {
                    _families[instrument] = family;
                }

                // The family rides with each measurement as its state: no lookup, no shared lock on the hot path.
                listener.EnableMeasurementEvents(instrument, family);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_familiesLock)
            {
                _families.Remove(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, v, tags, state) => ((Family)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<int>((_, v, tags, state) => ((Family)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<double>((_, v, tags, state) => ((Family)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<float>((_, v, tags, state) => ((Family)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<decimal>((_, v, tags, state) => ((Family)state!).Record((double)v, tags));
        _listener.SetMeasurementEventCallback<short>((_, v, tags, state) => ((Family)state!).Record(v, tags));
        _listener.SetMeasurementEventCallback<byte>((_, v, tags, state) => ((Family)state!).Record(v, tags));
        _listener.Start();
    }

    private bool Wanted(Meter meter) =>
        SharedMeters.Contains(meter.Name, StringComparer.Ordinal)
        || (meter.Scope == _scope && (meter.Name.StartsWith("Coordination.", StringComparison.Ordinal) || HostMeters.Contains(meter.Name, StringComparer.Ordinal)));

    /// <summary>Every metric as it stands now, observable ones read at this moment.</summary>
    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        await _scrape.WaitAsync(cancellationToken);
        try
        {
            Family[] families;
            lock (_familiesLock)
            {
                families = [.. _families.Values];
            }

            // An observable instrument reports what is true now: an agency nobody is connected for is dropped, not kept at its last value.
            foreach (var family in families.Where(f => f.IsObservable))
            {
                family.Clear();
            }

            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var group in families.GroupBy(f => f.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = group.First();
                text.Append("# HELP ").Append(group.Key).Append(' ').Append(EscapeHelp(first.Help)).Append('\n');
                text.Append("# TYPE ").Append(group.Key).Append(' ').Append(first.Type).Append('\n');
                foreach (var family in group)
                {
                    family.WriteSamples(text);
                }
            }

            return text.ToString();
        }
        finally
        {
            _scrape.Release();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _scrape.Dispose();
    }

    private static string EscapeHelp(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == ':' ? c : '_').ToArray();
        var text = new string(chars);
        return char.IsAsciiDigit(text[0]) ? "_" + text : text;
    }

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>One instrument: its name, type and series by label set.</summary>
    private sealed class Family
    {
        private const int LabelSetsKept = 1_000;

        private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
        private readonly Dictionary<int, List<(KeyValuePair<string, object?>[] Tags, string Text)>> _labelSets = [];
        private readonly Lock _lock = new();
        private int _labelSetCount;
        private readonly double[]? _buckets;
        private readonly bool _cumulative;

        public Family(Instrument instrument)
        {
            var type = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
            IsObservable = instrument.IsObservable;
            var unit = instrument.Unit switch
            {
                "s" => "_seconds",
                "ms" => "_milliseconds",
                "By" => "_bytes",
                _ => "",
            };
            var name = Sanitize(instrument.Name.Replace('.', '_').Replace('-', '_'));
            if (unit.Length > 0 && !name.EndsWith(unit, StringComparison.Ordinal))
            {
                name += unit;
            }

            Help = string.IsNullOrWhiteSpace(instrument.Description) ? instrument.Name : instrument.Description;
            if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
            {
                Type = "counter";
                Name = name + "_total";
                _cumulative = type == typeof(Counter<>);
            }
            else if (type == typeof(Histogram<>))
            {
                Type = "histogram";
                Name = name;
                _buckets = Advice(instrument) ?? (instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets);
                _cumulative = true;
            }
            else
            {
                // Gauges and up-down counters: an up-down counter adds, a gauge (observable or not) replaces.
                Type = "gauge";
                Name = name;
                _cumulative = type == typeof(UpDownCounter<>);
            }
        }

        public string Name { get; }

        public string Type { get; }

        public string Help { get; }

        public bool IsObservable { get; }

        public void Clear()
        {
            lock (_lock)
            {
                _series.Clear();
            }
        }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            lock (_lock)
            {
                var labels = LabelsOf(tags);
                if (!_series.TryGetValue(labels, out var series))
                {
                    series = new Series(_buckets?.Length ?? 0);
                    _series[labels] = series;
                }

                if (_buckets is not null)
                {
                    series.Count++;
                    series.Value += value;
                    var index = Array.FindIndex(_buckets, b => value <= b);
                    series.Buckets[index < 0 ? _buckets.Length : index]++;
                }
                else
                {
                    series.Value = _cumulative ? series.Value + value : value;
                }
            }
        }

        public void WriteSamples(StringBuilder text)
        {
            lock (_lock)
            {
                foreach (var (labels, series) in _series.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    if (_buckets is null)
                    {
                        Sample(text, Name, labels, series.Value);
                        continue;
                    }

                    long cumulative = 0;
                    for (var i = 0; i <= _buckets.Length; i++)
                    {
                        cumulative += series.Buckets[i];
                        var le = i < _buckets.Length ? Format(_buckets[i]) : "+Inf";
                        Sample(text, Name + "_bucket", labels.Length == 0 ? $"le=\"{le}\"" : $"{labels},le=\"{le}\"", cumulative);
                    }

                    Sample(text, Name + "_sum", labels, series.Value);
                    Sample(text, Name + "_count", labels, series.Count);
                }
            }
        }

        private static void Sample(StringBuilder text, string name, string labels, double value)
        {
            text.Append(name);
            if (labels.Length > 0)
            {
                text.Append('{').Append(labels).Append('}');
            }

            text.Append(' ').Append(Format(value)).Append('\n');
        }

        /// <summary>
        /// The label text of a tag set, built once per set: measurements repeat the same few sets (a route, a status,
        /// an agency), and building the text each time (sanitised, escaped, sorted) cost far more than the measurement.
        /// Looked up by a hash of the tags and compared tag by tag, so a repeat allocates nothing; at most
        /// <see cref="LabelSetsKept"/> sets are kept, beyond which the text is built each time.
        /// </summary>
        private string LabelsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length == 0)
            {
                return "";
            }

            var hash = default(HashCode);
            foreach (var tag in tags)
            {
                hash.Add(tag.Key);
                hash.Add(tag.Value);
            }

            var key = hash.ToHashCode();
            if (_labelSets.TryGetValue(key, out var known))
            {
                foreach (var (knownTags, text) in known)
                {
                    if (Same(knownTags, tags))
                    {
                        return text;
                    }
                }
            }

            var labels = Labels(tags);
            if (_labelSetCount < LabelSetsKept)
            {
                _labelSetCount++;
                (known ??= _labelSets[key] = []).Add((tags.ToArray(), labels));
            }

            return labels;
        }

        private static bool Same(KeyValuePair<string, object?>[] known, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (known.Length != tags.Length)
            {
                return false;
            }

            for (var i = 0; i < known.Length; i++)
            {
                if (!string.Equals(known[i].Key, tags[i].Key, StringComparison.Ordinal) || !Equals(known[i].Value, tags[i].Value))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length == 0)
            {
                return "";
            }

            var pairs = new List<(string Name, string Value)>(tags.Length);
            foreach (var tag in tags)
            {
                pairs.Add((Sanitize(tag.Key.Replace('.', '_')), EscapeLabel(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "")));
            }

            return string.Join(',', pairs.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}=\"{p.Value}\""));
        }

        private static double[]? Advice(Instrument instrument) => instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray(),
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            Histogram<int> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
            _ => null,
        };
    }

    private sealed class Series(int buckets)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[] Buckets { get; } = new long[buckets + 1];
    }
}
