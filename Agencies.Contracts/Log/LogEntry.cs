using System.Text.Json;

namespace Coordination.Agencies.Contracts.Log;

/// <summary>
/// One stored entry of the event log, as it travels on the bus and to clients.
/// Clients apply entries in <see cref="Position"/> order and drop any position they already applied.
/// </summary>
/// <param name="Position">Global position in the log, starting at 1, without gaps.</param>
/// <param name="IncidentId">The incident the entry belongs to.</param>
/// <param name="Version">The entry's version within its incident, starting at 1, without gaps.</param>
/// <param name="EventId">Unique id of the event; appending the same id twice stores it once.</param>
/// <param name="Type">One of <see cref="EventTypes"/>.</param>
/// <param name="Data">The event record as JSON.</param>
/// <param name="Metadata">Who and why.</param>
/// <param name="RecordedAt">When the log stored it (UTC).</param>
public sealed record LogEntry(
    long Position,
    Guid IncidentId,
    int Version,
    Guid EventId,
    string Type,
    JsonElement Data,
    EntryMetadata Metadata,
    DateTimeOffset RecordedAt)
{
    /// <summary>Deserializes <see cref="Data"/> into its event record.</summary>
    /// <typeparam name="T">The record type matching <see cref="Type"/>.</typeparam>
    /// <returns>The event.</returns>
    public T DataAs<T>() => Data.Deserialize<T>(ContractJson.Options)
        ?? throw new JsonException($"Entry {Position} has no data.");
}
