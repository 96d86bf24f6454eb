using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Alerts;

/// <summary>
/// An agency was alerted to an incident. One per (incident, agency). It carries what a liaison
/// needs to act at once, so the alert is useful even before the rest of the incident is fetched.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Agency">The alerted agency's code.</param>
/// <param name="Hazard">The incident's hazard.</param>
/// <param name="Severity">The incident's severity when alerted.</param>
/// <param name="District">The incident's district code.</param>
/// <param name="Title">The incident's title.</param>
/// <param name="RuleId">The routing rule that chose this agency.</param>
/// <param name="AlertedAt">When the alert was raised (UTC).</param>
/// <param name="AcknowledgeBy">The acknowledgement deadline (UTC), set by severity.</param>
/// <param name="IsExercise">True when this is drill traffic.</param>
public sealed record AgencyAlerted(
    Guid IncidentId,
    string Agency,
    HazardType Hazard,
    Severity Severity,
    string District,
    string Title,
    string RuleId,
    DateTimeOffset AlertedAt,
    DateTimeOffset AcknowledgeBy,
    bool IsExercise)
{
    /// <summary>
    /// The rule id on every alert of a restricted incident: the agency was alerted because it is cleared for it, in
    /// the report or by a later change of the clearance.
    /// </summary>
    public const string ClearanceRule = "restricted-clearance";
}
