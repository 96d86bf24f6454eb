namespace Coordination.Agencies.Contracts.Plans;

/// <summary>The duty office or a commander activates a plan on an incident by hand.</summary>
/// <param name="EventId">Idempotency key; a retry with the same key is stored once.</param>
/// <param name="PlanCode">The plan's code.</param>
/// <param name="Reason">Why, optional; at most 1000 characters.</param>
/// <param name="ExpectedVersion">The incident version the author saw; omitted means "the current one".</param>
public sealed record ActivatePlanRequest(Guid? EventId, string? PlanCode, string? Reason, int? ExpectedVersion);

/// <summary>The duty office or a commander stands a plan down on an incident; its open tasks are closed.</summary>
/// <param name="EventId">Idempotency key.</param>
/// <param name="Reason">Why, required; at most 1000 characters.</param>
/// <param name="ExpectedVersion">The incident version the author saw; omitted means "the current one".</param>
public sealed record StandDownPlanRequest(Guid? EventId, string? Reason, int? ExpectedVersion);

/// <summary>An agency's liaison acknowledges, reports progress on, or completes one of the agency's tasks.</summary>
/// <param name="EventId">Idempotency key.</param>
/// <param name="Note">What has been done: required for progress, optional otherwise; at most 1000 characters.</param>
/// <param name="ExpectedVersion">The incident version the liaison saw; omitted means "the current one".</param>
public sealed record TaskRequest(Guid? EventId, string? Note, int? ExpectedVersion);
