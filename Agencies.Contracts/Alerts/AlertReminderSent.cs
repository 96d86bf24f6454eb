namespace Coordination.Agencies.Contracts.Alerts;

/// <summary>An agency acknowledged its alert but has posted nothing since: it is reminded.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Agency">The agency reminded.</param>
/// <param name="Reminder">1 for the first reminder since the agency's last activity, then 2, 3, ...</param>
/// <param name="LastActivityAt">The agency's last acknowledgement or update on the incident (UTC).</param>
/// <param name="DueAt">When this reminder fell due (UTC).</param>
/// <param name="IsExercise">True when this is drill traffic.</param>
public sealed record AlertReminderSent(Guid IncidentId, string Agency, int Reminder, DateTimeOffset LastActivityAt, DateTimeOffset DueAt, bool IsExercise);
