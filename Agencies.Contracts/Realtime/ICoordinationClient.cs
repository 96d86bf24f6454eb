using Coordination.Agencies.Contracts.Log;

namespace Coordination.Agencies.Contracts.Realtime;

/// <summary>What the hub calls on a connected client (the SignalR client contract).</summary>
public interface ICoordinationClient
{
    /// <summary>A log entry the client may see was appended. Apply by position; ignore positions already applied.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>Completion of the push.</returns>
    Task EntryAppended(LogEntry entry);
}
