using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Incidents;

/// <summary>An incident moved to another status.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="From">The status before.</param>
/// <param name="To">The status after.</param>
/// <param name="Reason">Why, optional.</param>
/// <param name="ChangedBy">User name of who changed it.</param>
/// <param name="ChangedAt">When (UTC).</param>
public sealed record IncidentStatusChanged(Guid IncidentId, IncidentStatus From, IncidentStatus To, string? Reason, string ChangedBy, DateTimeOffset ChangedAt);
