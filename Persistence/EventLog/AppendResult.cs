namespace Coordination.Persistence.EventLog;

/// <summary>Where the appended events landed.</summary>
/// <param name="FirstPosition">Position of the first event.</param>
/// <param name="LastPosition">Position of the last event.</param>
/// <param name="LastVersion">The incident's version after the append.</param>
/// <param name="WasDuplicate">True when every event id was already stored and nothing was written.</param>
public sealed record AppendResult(long FirstPosition, long LastPosition, int LastVersion, bool WasDuplicate);
