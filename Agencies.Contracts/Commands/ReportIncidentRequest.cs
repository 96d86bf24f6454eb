using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Commands;

/// <summary>
/// Log a new incident (POST /api/incidents, hub method ReportIncident). Fields are nullable so that a
/// missing one is reported by name rather than as unreadable JSON.
/// </summary>
/// <param name="EventId">Idempotency key: sending the same report again stores it once and returns the same incident.</param>
/// <param name="Hazard">Required.</param>
/// <param name="Category">CAP category; defaults to the hazard's usual category.</param>
/// <param name="Severity">Required.</param>
/// <param name="Urgency">Defaults to Unknown.</param>
/// <param name="Certainty">Defaults to Unknown.</param>
/// <param name="Title">Required, at most 200 characters, Arabic or English.</param>
/// <param name="Description">At most 4000 characters.</param>
/// <param name="District">Required: a district code.</param>
/// <param name="Municipality">At most 100 characters.</param>
/// <param name="Latitude">WGS84, within Libya, with <paramref name="Longitude"/>.</param>
/// <param name="Longitude">WGS84, within Libya, with <paramref name="Latitude"/>.</param>
/// <param name="OccurredAt">When it happened: on or after 2000-01-01 (UTC) and not more than 5 minutes ahead of the hub's clock.</param>
/// <param name="Classification">Defaults to Public.</param>
/// <param name="ClearedAgencies">For a restricted incident: the agencies cleared to see it (and alerted).</param>
/// <param name="IsExercise">True for drill traffic.</param>
public sealed record ReportIncidentRequest(
    Guid? EventId,
    HazardType? Hazard,
    CapCategory? Category,
    Severity? Severity,
    Urgency? Urgency,
    Certainty? Certainty,
    string? Title,
    string? Description,
    string? District,
    string? Municipality,
    double? Latitude,
    double? Longitude,
    DateTimeOffset? OccurredAt,
    Classification? Classification,
    IReadOnlyList<string>? ClearedAgencies,
    bool? IsExercise);

/// <summary>The logged incident.</summary>
/// <param name="IncidentId">Its id.</param>
/// <param name="Reference">Human-readable reference, e.g. INC-2026-7K3M-Q9TX.</param>
/// <param name="Position">Position of the report in the log.</param>
/// <param name="Version">The incident's version after the report and the alerts logged with it (one per agency alerted).</param>
/// <param name="WasDuplicate">True when this report had already been stored (a retry).</param>
public sealed record ReportIncidentResponse(Guid IncidentId, string Reference, long Position, int Version, bool WasDuplicate);
