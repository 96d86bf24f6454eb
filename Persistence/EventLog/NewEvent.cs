using Coordination.Agencies.Contracts.Log;

namespace Coordination.Persistence.EventLog;

/// <summary>An event to append: its id (the idempotency key), type, JSON data and metadata.</summary>
public sealed record NewEvent(Guid EventId, string Type, string Data, EntryMetadata Metadata);
