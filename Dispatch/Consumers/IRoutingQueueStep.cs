using Coordination.Agencies.Contracts.Log;

namespace Coordination.Dispatch.Consumers;

/// <summary>
/// Work done on every page of the log once per cluster, by the hub that takes the page off the shared routing queue,
/// after the page's reports are routed (<see cref="RoutingConsumer"/>). A step shares the queue's delivery: one hub per
/// page, a page in flight at a stop delivered again (idempotence is the step's, as routing's is) and, on the in-memory
/// bus, the routing checkpoint, recorded only once every step has had the page. Its faults are its own: tried twice
/// more a moment apart, then logged and left, never holding routing through its retries. It does not take the page
/// off the bus a second time: a queue of its own cost each page another copy, deserialised and dispatched, at the
/// moment the page is pushed.
/// </summary>
public interface IRoutingQueueStep
{
    /// <summary>Handles <paramref name="entries"/>, a page of the log in order.</summary>
    Task HandleAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken);
}
