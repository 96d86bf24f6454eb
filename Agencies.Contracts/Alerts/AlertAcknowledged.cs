namespace Coordination.Agencies.Contracts.Alerts;

/// <summary>An agency's liaison acknowledged the agency's alert for an incident.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Agency">The acknowledging agency's code.</param>
/// <param name="AcknowledgedBy">User name of the liaison.</param>
/// <param name="AcknowledgedAt">When (UTC).</param>
/// <param name="Note">Optional note from the liaison.</param>
public sealed record AlertAcknowledged(Guid IncidentId, string Agency, string AcknowledgedBy, DateTimeOffset AcknowledgedAt, string? Note);
