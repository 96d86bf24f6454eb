namespace Coordination.Agencies.Contracts.Incidents;

/// <summary>
/// Who is cleared for a restricted incident changed after its report. A granted agency is alerted by the
/// AgencyAlerted entries that follow this one in the same transaction, and sees the incident from its alert on; a
/// revoked agency sees none of the incident's entries from this one on (what it was shown before stays shown), and
/// no longer finds the incident in its board, inbox or details.
/// </summary>
/// <param name="IncidentId">The restricted incident.</param>
/// <param name="Granted">The agencies cleared by this change, by code.</param>
/// <param name="Revoked">The agencies whose clearance this change withdrew, by code.</param>
/// <param name="ClearedAgencies">Every agency cleared for the incident after the change, by code (never empty).</param>
/// <param name="Reason">Why, as the author gave it (required).</param>
/// <param name="ChangedBy">User name of who changed it.</param>
/// <param name="ChangedAt">When (UTC).</param>
public sealed record ClearanceChanged(
    Guid IncidentId,
    IReadOnlyList<string> Granted,
    IReadOnlyList<string> Revoked,
    IReadOnlyList<string> ClearedAgencies,
    string Reason,
    string ChangedBy,
    DateTimeOffset ChangedAt);
