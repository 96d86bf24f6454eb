using Coordination.Agencies.Contracts.Log;

namespace Coordination.Agencies.Contracts.Realtime;

/// <summary>What the hub calls on a connected client (the SignalR client contract).</summary>
public interface ICoordinationClient
{
    /// <summary>
    /// Log entries the client may see were appended, in position order: those the relay published together,
    /// as one message. Apply them in order by position and ignore a position already applied. When
    /// <paramref name="previousPosition"/> is greater than the last position the client applied, entries were
    /// missed (a dropped link, a hub restart): catch up from the last applied position first. Within the list,
    /// each entry's previous visible position is the one before it.
    /// </summary>
    /// <param name="entries">The entries, at least one, in position order.</param>
    /// <param name="previousPosition">The position of the entry before the first of these that this client may see; 0 when there is none.</param>
    /// <returns>Completion of the push.</returns>
    Task EntriesAppended(IReadOnlyList<LogEntry> entries, long previousPosition);

    /// <summary>
    /// Sent every few seconds: the position of the latest entry this client may see. When it is greater than
    /// the last position the client applied, an entry was missed at the tail (no later push would reveal it): catch up.
    /// </summary>
    /// <param name="latestPosition">The latest position this client may see; 0 when there is none.</param>
    /// <returns>Completion of the push.</returns>
    Task Heartbeat(long latestPosition);

    /// <summary>
    /// The hub sealed the log (sent to every connected client, whatever it may see: a seal carries no incident
    /// content). Keep it: with the hub's public key, the seals a client kept prove an export of the log complete and
    /// unaltered up to their positions, even against a log rewritten later with its hashes recomputed.
    /// </summary>
    /// <param name="seal">The seal.</param>
    /// <returns>Completion of the push.</returns>
    Task LogSealed(Seals.LogSealed seal);
}
