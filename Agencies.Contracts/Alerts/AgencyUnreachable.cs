namespace Coordination.Agencies.Contracts.Alerts;

/// <summary>
/// An agency was alerted while nobody of it was connected to any hub (no console, no .NET client): the alert
/// reaches nobody until someone connects, so the duty office is told at once to phone the agency instead of
/// learning it from the escalation after the deadline. At most one per alert.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Agency">The agency nobody of which is connected.</param>
/// <param name="AlertEventId">The event id of the alert that reached nobody.</param>
/// <param name="AlertedAt">When the alert was raised (UTC).</param>
/// <param name="AcknowledgeBy">The alert's acknowledgement deadline (UTC).</param>
/// <param name="LastSeen">When someone of the agency was last seen connected, if the hubs know (UTC).</param>
/// <param name="NoticedAt">When the hub found nobody connected (UTC).</param>
/// <param name="IsExercise">True when this is drill traffic.</param>
public sealed record AgencyUnreachable(
    Guid IncidentId,
    string Agency,
    Guid AlertEventId,
    DateTimeOffset AlertedAt,
    DateTimeOffset AcknowledgeBy,
    DateTimeOffset? LastSeen,
    DateTimeOffset NoticedAt,
    bool IsExercise);
