using Coordination.Agencies.Contracts.Commands;

namespace Coordination.Agencies.Contracts.Bus;

/// <summary>
/// An agency's system acknowledges its agency's alert over the bus: sent to the agency's commands exchange
/// (<see cref="AgencyQueues.Commands"/>), answered with <see cref="AgencyCommandAnswered"/> on its replies queue.
/// </summary>
/// <param name="IncidentId">The incident alerted.</param>
/// <param name="Request">As over REST: its <c>EventId</c> is the idempotency key, so a command sent twice is stored once.</param>
/// <param name="Language">The language of a refusal: <c>ar</c> (the default) or <c>en</c>.</param>
public sealed record AcknowledgeAlertOverBus(Guid IncidentId, AcknowledgeAlertRequest Request, string? Language = null);

/// <summary>An agency's system posts an update to an incident over the bus, answered as <see cref="AcknowledgeAlertOverBus"/> is.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Request">As over REST, with its idempotency key.</param>
/// <param name="Language">The language of a refusal: <c>ar</c> (the default) or <c>en</c>.</param>
public sealed record PostUpdateOverBus(Guid IncidentId, PostUpdateRequest Request, string? Language = null);

/// <summary>The hub's answer to a command sent over the bus: what was stored, or why nothing was.</summary>
/// <param name="Command">The command's message type name, e.g. <c>AcknowledgeAlertOverBus</c>.</param>
/// <param name="IncidentId">The command's incident.</param>
/// <param name="EventId">The command's idempotency key, as sent.</param>
/// <param name="Response">What was stored (a duplicate answers with the stored position); null when refused.</param>
/// <param name="Refusal">Why nothing was stored; null when stored.</param>
public sealed record AgencyCommandAnswered(string Command, Guid IncidentId, Guid? EventId, CommandResponse? Response, AgencyCommandRefusal? Refusal);

/// <summary>A refusal, as REST's problem details carry it, in the command's language.</summary>
/// <param name="Status">The HTTP status REST would have answered (400, 403, 404, 409).</param>
/// <param name="Title">The refusal's title.</param>
/// <param name="Detail">What was wrong.</param>
/// <param name="Errors">For 400: each invalid field (e.g. <c>text</c>) and what is wrong with it.</param>
public sealed record AgencyCommandRefusal(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors);
