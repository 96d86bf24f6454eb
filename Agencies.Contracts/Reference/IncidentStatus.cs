namespace Coordination.Agencies.Contracts.Reference;

/// <summary>Where an incident is in its life, in the order it normally moves.</summary>
public enum IncidentStatus
{
    /// <summary>Logged by the duty office; no agency has acknowledged yet.</summary>
    Reported = 0,
    /// <summary>At least one alerted agency has acknowledged.</summary>
    Acknowledged = 1,
    /// <summary>Agencies are responding on the ground.</summary>
    Responding = 2,
    /// <summary>The hazard is under control.</summary>
    Contained = 3,
    /// <summary>No further action; the incident is closed.</summary>
    Closed = 4,
}
