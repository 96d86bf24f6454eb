using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Incidents;

/// <summary>Someone posted an update to an incident: a situation report, optionally with a new severity.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Text">The update, stored exactly as typed.</param>
/// <param name="Severity">The new severity, when the update changes it.</param>
/// <param name="PostedBy">User name of the author.</param>
/// <param name="Agency">The author's agency code.</param>
/// <param name="PostedAt">When it was posted (UTC).</param>
public sealed record IncidentUpdated(Guid IncidentId, string Text, Severity? Severity, string PostedBy, string Agency, DateTimeOffset PostedAt);
