namespace Coordination.Agencies.Contracts.Alerts;

/// <summary>
/// An agency did not acknowledge its alert in time, and the alert went one step up the chain:
/// level 1 the agency's duty officer, level 2 the agency's head, level 3 the duty office and commanders.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Agency">The agency whose alert is overdue.</param>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="EscalatedTo">Who is now being alerted, in words (e.g. "agency head").</param>
/// <param name="AcknowledgeBy">The deadline that was missed (UTC).</param>
/// <param name="DueAt">When this step fell due (UTC).</param>
/// <param name="IsExercise">True when this is drill traffic.</param>
public sealed record AlertEscalated(Guid IncidentId, string Agency, int Level, string EscalatedTo, DateTimeOffset AcknowledgeBy, DateTimeOffset DueAt, bool IsExercise);
