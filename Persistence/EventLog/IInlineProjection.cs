using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;

namespace Coordination.Persistence.EventLog;

/// <summary>
/// What else an append writes in its own transaction: folded from each row it appends, so it is never behind the
/// log. The read models implement it (registered beside the log); the log itself names none of them.
/// </summary>
public interface IInlineProjection
{
    /// <summary>
    /// An event's data as <see cref="ApplyAsync"/> folds it in (null for an event it does not use); a
    /// <see cref="System.Text.Json.JsonException"/> when it cannot be read. The log calls it before the append
    /// queues, on the caller's thread, so unreadable data fails its own append and the writer every append waits
    /// for spends no time reading JSON.
    /// </summary>
    object? Read(Guid incidentId, string type, string data);

    /// <summary>Folds an appended <paramref name="row"/>, its data already read by <see cref="Read"/>, through the append's <paramref name="statements"/>.</summary>
    Task ApplyAsync(IAppendStatements statements, StoredRow row, object? data, CancellationToken cancellationToken);
}
