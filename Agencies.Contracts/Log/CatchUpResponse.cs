namespace Coordination.Agencies.Contracts.Log;

/// <summary>
/// Entries after a position that the caller may see, in order (GET /api/log, hub method CatchUp).
/// Continue from <see cref="NextAfter"/> until it reaches <see cref="HeadPosition"/>.
/// </summary>
/// <param name="Entries">The entries, in position order.</param>
/// <param name="NextAfter">The "after" of the next call: the last entry returned when the page is full, otherwise the caller's head.</param>
/// <param name="HeadPosition">The last position the caller may see when the call was answered: the log's head for the duty office and commanders, their agency's latest visible entry for a liaison.</param>
public sealed record CatchUpResponse(IReadOnlyList<LogEntry> Entries, long NextAfter, long HeadPosition);
