namespace Coordination.Persistence.Visibility;

/// <summary>An agency's head: the latest position it may see, and the log position that was read through.</summary>
/// <param name="Through">The log was read through this position (committed: a head the log had).</param>
/// <param name="Position">The agency's latest visible position at or below <paramref name="Through"/>; 0 when none.</param>
public sealed record AgencyHead(long Through, long Position);
