namespace Coordination.Agencies.Contracts.Audit;

/// <summary>Someone read restricted incidents. Recorded on the audit stream, never on the incidents themselves.</summary>
/// <param name="IncidentIds">The restricted incidents read.</param>
/// <param name="UserName">Who.</param>
/// <param name="Agency">Their agency.</param>
/// <param name="Role">Their role.</param>
/// <param name="Access">What was read: "details", "list" or "catch-up".</param>
/// <param name="At">When (UTC).</param>
public sealed record RestrictedIncidentsAccessed(IReadOnlyList<Guid> IncidentIds, string UserName, string Agency, string Role, string Access, DateTimeOffset At);
