using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.EventLog;

namespace Coordination.Dispatch.Reports;

/// <summary>
/// The one place a command's re-sent event id is answered, once the log or a decision has refused it: the entry
/// stored under that id for this incident, so a retry is told of the success it had. The log itself answers a
/// batch whose ids are all stored (its duplicate result); this is for what it refuses as a conflict, and for a
/// decision that would refuse a retry (an acknowledgement already made, by this very command).
/// </summary>
public sealed class ResentEvents(IEventLog log)
{
    /// <summary>
    /// The entry stored under <paramref name="eventId"/> for <paramref name="incidentId"/>; null when none is
    /// stored. Throws <see cref="EventIdReusedException"/> when it is stored for another incident.
    /// </summary>
    public async Task<LogEntry?> FindAsync(Guid? eventId, Guid incidentId, CancellationToken cancellationToken)
    {
        if (eventId is not { } key || await log.FindAsync(key, cancellationToken) is not { } stored)
        {
            return null;
        }

        return stored.IncidentId == incidentId ? stored : throw new EventIdReusedException(key);
    }

    /// <summary>
    /// The last entry a stored command appended: the entries its transaction put right after it, each caused by it
    /// (a change of clearance's alerts, an update's plan activation), or the entry itself. A retry is answered with
    /// it, as the first attempt was.
    /// </summary>
    public async Task<LogEntry> LastAppendedWithAsync(LogEntry stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var entries = await log.ReadIncidentAsync(stored.IncidentId, cancellationToken);
        return entries.Where(e => e.Position > stored.Position)
            .TakeWhile((e, i) => e.Position == stored.Position + 1 + i && e.Metadata.CausationId == stored.EventId)
            .LastOrDefault() ?? stored;
    }
}

/// <summary>A command's event id was already used for another incident. Nothing was written.</summary>
public sealed class EventIdReusedException : Exception
{
    public EventIdReusedException(Guid eventId) : base($"EventId {eventId} was already used for another incident.") => EventId = eventId;

    public EventIdReusedException() { }

    public EventIdReusedException(string message) : base(message) { }

    public EventIdReusedException(string message, Exception inner) : base(message, inner) { }

    public Guid EventId { get; }
}
