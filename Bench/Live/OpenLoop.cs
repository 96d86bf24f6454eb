using System.Diagnostics;

namespace Coordination.Bench.Live;

/// <summary>
/// Open-loop load: each submission starts at its scheduled moment whether or not earlier ones have been
/// answered, so queueing shows in the latencies instead of slowing the generator down.
/// </summary>
internal static class OpenLoop
{
    /// <summary>
    /// Starts <paramref name="count"/> submissions at <paramref name="rate"/> per second, each by calling
    /// <paramref name="submit"/> with its index and scheduled moment (a Stopwatch timestamp); returns when all have finished.
    /// </summary>
    public static async Task RunAsync(int rate, int count, Func<int, long, Task> submit)
    {
        var start = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 20);
        var submissions = new List<Task>(count);
        var next = 0;
        while (next < count)
        {
            var now = Stopwatch.GetTimestamp();
            for (long due; next < count && (due = start + (long)(next * (double)Stopwatch.Frequency / rate)) <= now; next++)
            {
                submissions.Add(submit(next, due));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(submissions);
    }
}
