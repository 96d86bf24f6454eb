using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Support;

/// <summary>
/// A fake clock that tells when something starts a one-shot wait on it (as <c>Task.Delay</c> with a
/// <see cref="TimeProvider"/> does), so a test moves the clock on exactly when the hub has begun holding a request,
/// instead of sleeping. It starts on a whole second, so times the hub stores in milliseconds come back exact.
/// </summary>
public sealed class WaitWatchingClock() : FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
        {
            _waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>
    /// Waits for <paramref name="waits"/> one-shot waits of exactly <paramref name="due"/> to start (passing over any
    /// other), then moves the clock on by it, which ends them together.
    /// </summary>
    public async Task ReleaseWaitOfAsync(TimeSpan due, int waits = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            for (var seen = 0; seen < waits;)
            {
                seen += await _waits.Reader.ReadAsync(timeout.Token) == due ? 1 : 0;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"fewer than {waits} started waiting {due} on the clock");
        }

        Advance(due);
    }
}
