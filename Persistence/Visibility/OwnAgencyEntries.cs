using System.Collections.Frozen;
using System.Text.Json;
using Coordination.Agencies.Contracts.Log;

namespace Coordination.Persistence.Visibility;

/// <summary>
/// The entries of an incident that, among its agencies, only one sees: a contingency plan's task entries
/// (<see cref="EventTypes.TaskAssigned"/> and its steps), seen by the task's own agency, whose name each carries as
/// <c>agency</c> in its data. Every other entry of an incident is seen by every agency alerted to it. This is the one
/// definition: the append's projection keeps each such entry's agency in <c>task_entry_agencies</c>, which the
/// visibility queries (catch-up, heartbeats, a push's previous position) read, and the fan-out applies it to each live
/// entry by <see cref="AgencyOf(LogEntry)"/>, so the live chain and catch-up skip exactly the same entries.
/// </summary>
public static class OwnAgencyEntries
{
    /// <summary>The entry types seen only by the agency they name.</summary>
    public static FrozenSet<string> Types { get; } = new[]
    {
        EventTypes.TaskAssigned,
        EventTypes.TaskAcknowledged,
        EventTypes.TaskProgressed,
        EventTypes.TaskCompleted,
        EventTypes.TaskEscalated,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The only agency that sees an entry of <paramref name="type"/> with <paramref name="data"/>; null for an entry
    /// every alerted agency sees. Read from the JSON by name rather than by deserialising the whole task.
    /// </summary>
    public static string? AgencyOf(string type, JsonElement data) =>
        Types.Contains(type) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("agency"u8, out var agency) && agency.ValueKind == JsonValueKind.String
            ? agency.GetString()
            : null;

    /// <inheritdoc cref="AgencyOf(string, JsonElement)"/>
    public static string? AgencyOf(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AgencyOf(entry.Type, entry.Data);
    }

    /// <summary>Whether <paramref name="entry"/> of an incident the reader may see is shown to a reader of <paramref name="agency"/> (null: one who sees everything).</summary>
    public static bool Shows(LogEntry entry, string? agency) =>
        agency is null || AgencyOf(entry) is not { } own || string.Equals(own, agency, StringComparison.Ordinal);
}
