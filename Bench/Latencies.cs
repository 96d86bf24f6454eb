using System.Diagnostics;

namespace Coordination.Bench;

/// <summary>Every sample kept, percentiles read from the sorted set (exact, like an HdrHistogram at full precision).</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Record(long startTimestamp) => _milliseconds.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        _milliseconds.Sort();
        var index = (int)Math.Ceiling(p / 100 * _milliseconds.Count) - 1;
        return _milliseconds[Math.Clamp(index, 0, _milliseconds.Count - 1)];
    }

    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    /// <summary>The middle value (the upper of the two middle ones for an even count); NaN when there is none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
