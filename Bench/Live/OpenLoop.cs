using System.Diagnostics;

namespace Coordination.Bench.Live;

/// <summary>
/// Open-loop load: each submission starts at its scheduled moment whether or not earlier ones have been
/// answered, so queueing shows in the latencies instead of slowing the generator down.
/// </summary>
internal static class OpenLoop
{
    /// <summary>How long a step waits for what it sent to arrive once every submission has been answered.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Starts <paramref name="count"/> submissions at <paramref name="rate"/> per second, each by calling
    /// <paramref name="submit"/> with its index and scheduled moment (a Stopwatch timestamp); when all have
    /// finished, waits (at most 15 s) while <paramref name="outstanding"/> says deliveries are still on their way.
    /// </summary>
    public static async Task RunAsync(int rate, int count, Func<int, long, Task> submit, Func<bool> outstanding)
    {
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 20);
        var submissions = new List<Task>(count);
        var next = 0;
        while (next < count)
        {
            var now = Stopwatch.GetTimestamp();
            for (long due; next < count && (due = Due(start, next, rate)) <= now; next++)
            {
                submissions.Add(submit(next, due));
            }

            if (next < count)
            {
                // Asleep until the next submission is due, not woken every millisecond to look: each wake walks the
                // timer queue, which holds every liaison connection's timer, on the cores the hub uses too.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling((Due(start, next, rate) - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency))));
            }
        }

        await Task.WhenAll(submissions);
        var drainUntil = Stopwatch.GetTimestamp() + (long)(Drain.TotalSeconds * Stopwatch.Frequency);
        while (outstanding() && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(20);
        }
    }

    private static long Due(long start, int index, int rate) => start + (long)(index * (double)Stopwatch.Frequency / rate);

    /// <summary>
    /// One measured step: waits for a quiet hub, <paramref name="clear"/>s the step's probes, then runs <paramref name="rate"/>
    /// submissions a second for <paramref name="seconds"/> as <see cref="RunAsync"/> does. Returns the step's wall time in seconds.
    /// </summary>
    public static async Task<double> StepAsync(int rate, double seconds, Func<long> lastArrival, Action clear, Func<int, long, Task> submit, Func<bool> outstanding)
    {
        await QuietAsync(lastArrival);
        clear();
        var start = Stopwatch.GetTimestamp();
        await RunAsync(rate, Math.Max(1, (int)(rate * seconds)), submit, outstanding);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>The spread of scheduled moment -> last arrival (Stopwatch timestamps; 0: never arrived, left out), in milliseconds.</summary>
    public static EndToEndScenario.Spread Latencies(IEnumerable<(long Scheduled, long Last)> probes) =>
        EndToEndScenario.Spread.Of(probes.Where(p => p.Last > 0).Select(p => (p.Last - p.Scheduled) * 1000.0 / Stopwatch.Frequency));

    /// <summary>
    /// Waits (at most two minutes) until nothing has arrived for two seconds by <paramref name="lastArrival"/> (a Stopwatch
    /// timestamp): a step starts on a quiet hub, so what an overloaded step left queued does not count against the next.
    /// </summary>
    public static async Task QuietAsync(Func<long> lastArrival)
    {
        var quietUntil = Stopwatch.GetTimestamp() + (120 * Stopwatch.Frequency);
        while (Stopwatch.GetElapsedTime(lastArrival()) < TimeSpan.FromSeconds(2) && Stopwatch.GetTimestamp() < quietUntil)
        {
            await Task.Delay(100);
        }
    }
}
