namespace Coordination.Agencies.Contracts.Log;

/// <summary>
/// Entries after a position that the caller may see, in order (GET /api/log, hub method CatchUp).
/// Continue from <see cref="NextAfter"/> until it reaches <see cref="HeadPosition"/>.
/// </summary>
/// <param name="Entries">The entries, in position order.</param>
/// <param name="NextAfter">The last position looked at, seen or not: the "after" of the next call.</param>
/// <param name="HeadPosition">The log's last position when the call was answered.</param>
public sealed record CatchUpResponse(IReadOnlyList<LogEntry> Entries, long NextAfter, long HeadPosition);
