namespace Coordination.Persistence.EventLog;

/// <summary>
/// Wakes in-process readers (the relay) as soon as an append commits, so they need not poll tightly.
/// Readers still poll on a timer: another process may append to the same database.
/// </summary>
public sealed class AppendSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>An append committed: wake every waiting reader (each re-reads the log from its own checkpoint).</summary>
    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Completes at the next append or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next).Task;
        // The timer is the fallback for appends made by other processes: its end is not an error, and thrown as one it
        // cost an exception a second on every idle reader.
        await next.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
