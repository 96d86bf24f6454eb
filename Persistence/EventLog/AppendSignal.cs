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
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The timer is the fallback for appends made by other processes.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
