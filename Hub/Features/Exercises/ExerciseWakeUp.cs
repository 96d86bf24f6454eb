namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// Wakes this hub's <see cref="ExerciseRunner"/> at once when an exercise starts or resumes here, so its first inject
/// fires then rather than at the runner's next scan; other hubs find it at theirs.
/// </summary>
public sealed class ExerciseWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Asks the runner to run now.</summary>
    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already asked: one run answers every wake-up before it.
        }
    }

    /// <summary>Waits <paramref name="wait"/> on <paramref name="time"/>, or less when woken.</summary>
    public async Task WaitAsync(TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _signal.WaitAsync(either.Token);
        var elapsed = Task.Delay(wait, time, either.Token);
        await Task.WhenAny(woken, elapsed);
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _signal.Dispose();
}
