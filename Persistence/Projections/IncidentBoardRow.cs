using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Persistence.Projections;

/// <summary>One incident on the board: its current state, folded from its entries.</summary>
public sealed class IncidentBoardRow
{
    public Guid IncidentId { get; set; }
    /// <summary>Human-readable reference, e.g. INC-2026-7K3M-Q9TX (the year and random bits of its id).</summary>
    public string Reference { get; set; } = "";
    public HazardType Hazard { get; set; }
    public CapCategory Category { get; set; }
    public Severity Severity { get; set; }
    public Urgency Urgency { get; set; }
    public Certainty Certainty { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string District { get; set; } = "";
    public string? Municipality { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public IncidentStatus Status { get; set; }
    public Classification Classification { get; set; }
    public string[] ClearedAgencies { get; set; } = [];
    public bool IsExercise { get; set; }
    /// <summary>The exercise it belongs to, for an incident of an exercise run from a scenario.</summary>
    public Guid? ExerciseId { get; set; }
    /// <summary>That exercise's agencies in play: the only ones the incident may alert (empty outside one).</summary>
    public string[] ExerciseParticipants { get; set; } = [];
    public string ReportedBy { get; set; } = "";
    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The incident's version: pass it as the expected version of the next command.</summary>
    public int Version { get; set; }
    public long LastPosition { get; set; }
    public int AlertsRaised { get; set; }
    public int AlertsAcknowledged { get; set; }
}
