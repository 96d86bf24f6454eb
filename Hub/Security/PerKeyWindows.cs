using System.Collections.Concurrent;

namespace Coordination.Hub.Security;

/// <summary>
/// A fixed window of <c>permits</c> per <c>window</c> for each key (a user, a client address), read from the clock
/// when a permit is taken. The framework's partitioned limiter keeps its windows with a timer that wakes the process
/// ten times a second per limiter, whether anyone is asking or not; three of them were most of an idle hub's
/// wake-ups, each waking a thread-pool worker that then spins before sleeping again. Windows that have ended are
/// dropped at most once a window, by the take that finds the sweep due.
/// </summary>
internal sealed class PerKeyWindows(int permits, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _sweepDue = time.GetTimestamp();

    /// <summary>How many keys have a window held, ended or not.</summary>
    internal int Held => _windows.Count;

    /// <summary>Takes a permit for <paramref name="key"/>; false, with the time until its window ends, when none is left.</summary>
    public bool TryTake(string key, out TimeSpan retryAfter)
    {
        var now = time.GetTimestamp();
        SweepIfDue(now);
        while (true)
        {
            var held = _windows.GetOrAdd(key, static (_, start) => new Window(start), now);
            lock (held)
            {
                if (held.Dropped)
                {
                    // Swept between the lookup and the lock: take from the window that replaces it.
                    continue;
                }

                if (time.GetElapsedTime(held.Start, now) >= window)
                {
                    held.Start = now;
                    held.Taken = 0;
                }

                if (held.Taken >= permits)
                {
                    retryAfter = window - time.GetElapsedTime(held.Start, now);
                    return false;
                }

                held.Taken++;
                retryAfter = TimeSpan.Zero;
                return true;
            }
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _sweepDue);
        if (now < due || Interlocked.CompareExchange(ref _sweepDue, now + (long)(window.TotalSeconds * time.TimestampFrequency), due) != due)
        {
            return;
        }

        foreach (var (key, held) in _windows)
        {
            lock (held)
            {
                if (time.GetElapsedTime(held.Start, now) >= window && _windows.TryRemove(new KeyValuePair<string, Window>(key, held)))
                {
                    held.Dropped = true;
                }
            }
        }
    }

    private sealed class Window(long start)
    {
        public long Start { get; set; } = start;

        public int Taken { get; set; }

        public bool Dropped { get; set; }
    }
}
