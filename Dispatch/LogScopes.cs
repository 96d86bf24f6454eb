using Coordination.Agencies.Contracts.Log;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch;

/// <summary>
/// The fields that name what a log line is about, as logging scopes: every line written inside one carries them
/// (as fields of its JSON object with the console's JSON formatter and scopes included), so an operator finds every
/// line about an incident, an entry or a page of the log by the same names.
/// </summary>
public static class LogScopes
{
    /// <summary>The field naming the incident (or other stream) a line is about.</summary>
    public const string IncidentId = "IncidentId";

    /// <summary>The field naming the entry or command (its idempotency key).</summary>
    public const string EventId = "EventId";

    /// <summary>The field naming the entry's position in the log.</summary>
    public const string Position = "Position";

    /// <summary>The fields naming the first and last positions of a page of the log.</summary>
    public const string FirstPosition = "FirstPosition";

    /// <inheritdoc cref="FirstPosition"/>
    public const string LastPosition = "LastPosition";

    /// <summary>Lines about one stored entry: its incident, event id and position.</summary>
    public static IDisposable? ForEntry(ILogger logger, LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(entry);
        return logger.BeginScope(new Dictionary<string, object?> { [IncidentId] = entry.IncidentId, [EventId] = entry.EventId, [Position] = entry.Position });
    }

    /// <summary>Lines about a command on an incident, before it has a position.</summary>
    public static IDisposable? ForCommand(ILogger logger, Guid? incidentId, Guid? eventId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new Dictionary<string, object?> { [IncidentId] = incidentId, [EventId] = eventId });
    }

    /// <summary>Lines about a page of the log (published, pushed): its first and last positions.</summary>
    public static IDisposable? ForPage(ILogger logger, IReadOnlyList<LogEntry> page)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(page);
        return page.Count == 0 ? null : logger.BeginScope(new Dictionary<string, object?> { [FirstPosition] = page[0].Position, [LastPosition] = page[^1].Position });
    }
}
