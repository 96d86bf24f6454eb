namespace Coordination.Persistence.EventLog;

/// <summary>The incident changed since the caller read it (or an id was reused). Nothing was written.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message) : base(message) { }

    public ConcurrencyConflictException() { }

    public ConcurrencyConflictException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The stream the conflict is on, when the log knows it (one part of an append over several names its own).</summary>
    public Guid? StreamId { get; init; }

    /// <summary>The version the caller expected, when the conflict is about versions.</summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>The version actually stored.</summary>
    public int? ActualVersion { get; init; }
}
