using Coordination.Persistence.Checkpoints;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch.Relay;

/// <summary>
/// How far a reader of the log has got, kept in memory as it moves and saved under its name beside the
/// reader's work rather than in its way: an interval after it moves (<see cref="SaveWhileMovingAsync"/>; the agency
/// feed's every interval, <see cref="EveryAsync"/>) and once more at stop, each time only if it has moved since the
/// last save. A crash loses at most one interval, which the log's at-least-once readers repeat and their consumers drop
/// as already seen. The relay and the in-memory bus's routing progress both keep theirs this way. A save that fails (a
/// full disk, a locked file) is logged and tried again at the next one: it must not stop the reader, nor the hub around
/// it.
/// </summary>
internal sealed class PositionCheckpoint(CheckpointStore checkpoints, string name, ILogger logger)
{
    private long _position;
    private long _saved;
    private TaskCompletionSource? _moving;

    public long Position => Interlocked.Read(ref _position);

    /// <summary>Starts from <paramref name="saved"/>, a position already saved (or older than the one saved).</summary>
    public void StartFrom(long saved)
    {
        Interlocked.Exchange(ref _position, saved);
        Interlocked.Exchange(ref _saved, saved);
    }

    /// <summary>
    /// Takes the position as saved without saving it: its reader no longer owns it (the relay that lost its lease; the
    /// holder saves its own, and this reader loads the saved one when it holds the lease again).
    /// </summary>
    public void Disown() => Interlocked.Exchange(ref _saved, Position);

    /// <summary>Everything up to <paramref name="position"/> is done; a lower position (a repeat) changes nothing.</summary>
    public void Reached(long position)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _position)) < position)
        {
            if (Interlocked.CompareExchange(ref _position, position, seen) == seen)
            {
                Volatile.Read(ref _moving)?.TrySetResult();
                return;
            }
        }
    }

    /// <summary>Saves the position if it has moved since the last save; a failure is logged, and the next save retries.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var position = Position;
        if (position <= Interlocked.Read(ref _saved))
        {
            return;
        }

        try
        {
            await checkpoints.SaveAsync(name, position, cancellationToken);
            Interlocked.Exchange(ref _saved, position);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DispatchLogMessages.CheckpointNotSaved(logger, ex, name);
        }
    }

    /// <summary>
    /// Calls <paramref name="save"/> <paramref name="interval"/> after this position moves past the one saved, and again
    /// each interval while it keeps moving (or its save has not been made), until <paramref name="stoppingToken"/> is
    /// cancelled. Woken by the move rather than a timer, a reader with nothing to do wakes no thread: the relay's and the
    /// routing progress's timers were eight of an idle hub's wake-ups a second.
    /// </summary>
    public async Task SaveWhileMovingAsync(TimeSpan interval, Func<CancellationToken, Task> save, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Interlocked.Exchange(ref _moving, moved);
                if (Position <= Interlocked.Read(ref _saved))
                {
                    await moved.Task.WaitAsync(stoppingToken);
                }

                await Task.Delay(interval, stoppingToken);
                await save(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Calls <paramref name="save"/> every <paramref name="interval"/> until <paramref name="stoppingToken"/> is cancelled:
    /// for a reader that saves several checkpoints at once (the agency feed's, one per agency queue).
    /// </summary>
    public static async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task> save, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await save(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
