using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Dispatch.Plans;

/// <summary>
/// What activating plans on an incident must know of it: what it is, how severe now, who may see it, which agencies
/// are already alerted (each agency has one alert per incident) and which plans have already been activated on it
/// (each plan is activated once per incident).
/// </summary>
public sealed record IncidentFacts(
    Guid IncidentId,
    HazardType Hazard,
    Severity Severity,
    string District,
    string Title,
    Classification Classification,
    bool IsExercise,
    IReadOnlyCollection<string> Alerted,
    IReadOnlyCollection<string> ActivePlans,
    ExerciseScope? Exercise = null)
{
    /// <summary>True when the incident may alert <paramref name="agency"/>: outside an exercise any agency, in one only its participants.</summary>
    public bool InPlay(string agency) => Exercise is null || Exercise.Participants.Contains(agency, StringComparer.Ordinal);

    /// <summary>A report's facts, with the agencies its own alerts name.</summary>
    public static IncidentFacts Of(IncidentReported report, IReadOnlyCollection<string> alerted, IReadOnlyCollection<string> activePlans)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.IncidentId, report.Hazard, report.Severity, report.Location.District, report.Title, report.Classification, report.IsExercise, alerted, activePlans, report.Exercise);
    }
}
