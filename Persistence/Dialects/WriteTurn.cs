namespace Coordination.Persistence.Dialects;

/// <summary>
/// This process's turn at the database's write lock, from <see cref="ISqlDialect.WriteTurnAsync"/>. Disposing it
/// hands the turn to the next writer waiting in this process. The default value is a turn that guards nothing.
/// </summary>
public readonly struct WriteTurn : IDisposable
{
    private readonly SemaphoreSlim? _gate;

    internal WriteTurn(SemaphoreSlim gate) => _gate = gate;

    /// <summary>Passes the turn on.</summary>
    public void Dispose() => _gate?.Release();
}
