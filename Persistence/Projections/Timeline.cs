using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;

namespace Coordination.Persistence.Projections;

/// <summary>
/// An incident's timeline is its entries in the log, each with a short summary. It is read from the log
/// rather than kept as a copy, which would cost every append a row and an index entry of its own.
/// </summary>
internal static class Timeline
{
    public static TimelineRow RowOf(LogEntry entry) => new()
    {
        Position = entry.Position,
        IncidentId = entry.IncidentId,
        Version = entry.Version,
        Type = entry.Type,
        Actor = entry.Metadata.Actor,
        Agency = entry.Metadata.Agency,
        Summary = SummaryOf(entry),
        RecordedAt = entry.RecordedAt,
        IsExercise = entry.Metadata.IsExercise,
    };

    /// <summary>Data, not prose: the console words it in the reader's language.</summary>
    private static string SummaryOf(LogEntry entry) => entry.Type switch
    {
        EventTypes.IncidentReported => Parse<IncidentReported>(entry).Title,
        EventTypes.AgencyAlerted => Parse<AgencyAlerted>(entry).Agency,
        EventTypes.AlertAcknowledged => Parse<AlertAcknowledged>(entry) is var e && e.Note is { Length: > 0 } note ? $"{e.Agency}: {note}" : e.Agency,
        EventTypes.IncidentUpdated => Parse<IncidentUpdated>(entry).Text,
        EventTypes.IncidentStatusChanged => Parse<IncidentStatusChanged>(entry) is var e && e.Reason is { Length: > 0 } reason ? $"{e.From} → {e.To}: {reason}" : $"{e.From} → {e.To}",
        EventTypes.AlertEscalated => Parse<AlertEscalated>(entry) is var e ? $"{e.Agency} → {e.EscalatedTo} ({e.Level})" : "",
        EventTypes.AlertReminderSent => Parse<AlertReminderSent>(entry) is var e ? $"{e.Agency} ({e.Reminder})" : "",
        _ => entry.Type,
    };

    private static T Parse<T>(LogEntry entry) =>
        entry.Data.Deserialize<T>(ContractJson.Options) ?? throw new JsonException($"Entry {entry.Position} ({entry.Type}) has no data.");
}
