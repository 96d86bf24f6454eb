using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.HashChain;

namespace Coordination.Persistence.EventLog;

/// <summary>The append-only, hash-chained event log: the source of truth and the outbox.</summary>
public interface IEventLog
{
    /// <summary>
    /// Appends events to one incident in one transaction, with the read models updated in the same
    /// transaction. Throws <see cref="ConcurrencyConflictException"/> when the incident's version is not
    /// <paramref name="expectedVersion"/> (unless <see cref="ExpectedVersion.Any"/>). When every event id
    /// is already stored, writes nothing and returns the stored positions.
    /// </summary>
    Task<AppendResult> AppendAsync(Guid incidentId, int expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Appends to several streams in one transaction: every part is written or none is. Each part's expected version and
    /// event ids are checked as <see cref="AppendAsync"/> checks its one's, and one part's conflict fails the whole append
    /// with a <see cref="ConcurrencyConflictException"/> naming that stream. When every event id of every part is already
    /// stored, writes nothing and returns the stored positions; when only some parts are, that is a conflict too. A stream
    /// appears at most once.
    /// </summary>
    Task<IReadOnlyList<AppendResult>> AppendAllAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken);

    /// <summary>Entries with a position greater than <paramref name="after"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LogEntry>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Entries after <paramref name="after"/> for a reader that follows the log's end (the relay): like
    /// <see cref="ReadAfterAsync"/>, except that a page may stop before the head, and the entries this process
    /// appended come from memory rather than being read back. Empty only when nothing follows.
    /// </summary>
    Task<IReadOnlyList<LogEntry>> ReadTailAfterAsync(long after, int limit, CancellationToken cancellationToken);

    /// <summary>Every entry of one incident, in version order.</summary>
    Task<IReadOnlyList<LogEntry>> ReadIncidentAsync(Guid incidentId, CancellationToken cancellationToken);

    /// <summary>The stored entry with this event id, or null.</summary>
    Task<LogEntry?> FindAsync(Guid eventId, CancellationToken cancellationToken);

    /// <summary>The position of the last entry, 0 when the log is empty.</summary>
    Task<long> HeadPositionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The rows from <paramref name="first"/> to <paramref name="last"/> exactly as stored (text, hashes), in position
    /// order, read as a stream from one statement: what an export writes.
    /// </summary>
    IAsyncEnumerable<StoredRow> ReadStoredAsync(long first, long last, CancellationToken cancellationToken);

    /// <summary>The latest entry of a stream as stored, or null when the stream has none.</summary>
    Task<StoredRow?> LastOfStreamAsync(Guid streamId, CancellationToken cancellationToken);

    /// <summary>A stream's entries at positions after <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<LogEntry>> ReadStreamAfterAsync(Guid streamId, long after, CancellationToken cancellationToken);

    /// <summary>Walks the whole chain and names the first position whose hash or order does not match.</summary>
    Task<VerificationResult> VerifyAsync(CancellationToken cancellationToken);
}
