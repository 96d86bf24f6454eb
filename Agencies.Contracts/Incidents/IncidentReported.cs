using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Agencies.Contracts.Incidents;

/// <summary>The duty office logged a new incident. The first entry of every incident.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Hazard">What kind of hazard.</param>
/// <param name="Category">CAP category.</param>
/// <param name="Severity">CAP severity.</param>
/// <param name="Urgency">CAP urgency.</param>
/// <param name="Certainty">CAP certainty.</param>
/// <param name="Title">Short title, Arabic or English, stored exactly as typed.</param>
/// <param name="Description">Longer description, optional.</param>
/// <param name="Location">Where it is.</param>
/// <param name="OccurredAt">When it happened (UTC), if known.</param>
/// <param name="Classification">Who may see it.</param>
/// <param name="ClearedAgencies">For a restricted incident, the agencies cleared to see it.</param>
/// <param name="IsExercise">True when this is drill traffic.</param>
/// <param name="ReportedBy">User name of the reporter.</param>
/// <param name="ReportedAt">When it was logged (UTC).</param>
/// <param name="Exercise">For an incident of an exercise run from a scenario: the exercise and its participants; absent otherwise.</param>
public sealed record IncidentReported(
    Guid IncidentId,
    HazardType Hazard,
    CapCategory Category,
    Severity Severity,
    Urgency Urgency,
    Certainty Certainty,
    string Title,
    string? Description,
    IncidentLocation Location,
    DateTimeOffset? OccurredAt,
    Classification Classification,
    IReadOnlyList<string> ClearedAgencies,
    bool IsExercise,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Exercises.ExerciseScope? Exercise = null);
