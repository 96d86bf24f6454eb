using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Commands;

/// <summary>A liaison acknowledges their agency's alert for an incident.</summary>
/// <param name="EventId">Idempotency key; a retry with the same key is stored once.</param>
/// <param name="Note">Optional note, e.g. "two teams on the way"; at most 1000 characters.</param>
/// <param name="ExpectedVersion">The incident version the liaison saw; omitted means "the current one".</param>
public sealed record AcknowledgeAlertRequest(Guid? EventId, string? Note, int? ExpectedVersion);

/// <summary>Post a situation update to an incident, optionally changing its severity.</summary>
/// <param name="EventId">Idempotency key.</param>
/// <param name="Text">Required, at most 4000 characters.</param>
/// <param name="Severity">The new severity, if the update changes it.</param>
/// <param name="ExpectedVersion">The incident version the author saw; omitted means "the current one".</param>
public sealed record PostUpdateRequest(Guid? EventId, string? Text, Severity? Severity, int? ExpectedVersion);

/// <summary>Move an incident forward: Reported, Acknowledged, Responding, Contained, Closed.</summary>
/// <param name="EventId">Idempotency key.</param>
/// <param name="Status">Required; later than the current status.</param>
/// <param name="Reason">Optional, at most 1000 characters.</param>
/// <param name="ExpectedVersion">The incident version the author saw; omitted means "the current one".</param>
public sealed record ChangeStatusRequest(Guid? EventId, IncidentStatus? Status, string? Reason, int? ExpectedVersion);

/// <summary>
/// Change who is cleared for a restricted incident: the duty office, a commander, or an administrator. At least one
/// agency must stay cleared.
/// </summary>
/// <param name="EventId">Idempotency key.</param>
/// <param name="Grant">Agencies to clear, by code; each is alerted like the report's agencies.</param>
/// <param name="Revoke">Agencies whose clearance ends, by code; from this change on they see nothing more of the incident.</param>
/// <param name="Reason">Required, at most 1000 characters.</param>
/// <param name="ExpectedVersion">The incident version the author saw; omitted means "the current one".</param>
public sealed record ChangeClearanceRequest(Guid? EventId, IReadOnlyList<string>? Grant, IReadOnlyList<string>? Revoke, string? Reason, int? ExpectedVersion);

/// <summary>Where a command's entry landed.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Position">The entry's position in the log.</param>
/// <param name="Version">The incident's version after it: the expected version for the next command.</param>
/// <param name="WasDuplicate">True when the command had already been stored (a retry).</param>
public sealed record CommandResponse(Guid IncidentId, long Position, int Version, bool WasDuplicate);
