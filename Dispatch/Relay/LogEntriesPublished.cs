using Coordination.Agencies.Contracts.Log;

namespace Coordination.Dispatch.Relay;

/// <summary>
/// One page of the log as the relay read it, published as one bus message: consecutive entries in position
/// order. A page rather than an entry per message because every message costs the bus (a publisher confirm on
/// RabbitMQ), the router (one group commit for the page's alerts) and each liaison's link (one frame).
/// </summary>
/// <param name="Entries">At least one entry; positions consecutive and ascending.</param>
public sealed record LogEntriesPublished(IReadOnlyList<LogEntry> Entries);
