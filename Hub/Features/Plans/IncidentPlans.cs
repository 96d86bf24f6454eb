using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Plans;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Plans;

/// <summary>What the commands on an incident tell <see cref="PlanActivations"/> of it.</summary>
public static class IncidentPlans
{
    /// <summary>
    /// The incident as read, at <paramref name="severity"/> (the one an update raises it to), with the plans already active on it. An
    /// agency whose clearance was revoked is not counted as alerted, so a plan activated later assigns it nothing.
    /// </summary>
    public static IncidentFacts Facts(VisibleIncident incident, Severity severity, IReadOnlyCollection<string> activePlans)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var board = incident.Board;
        return new IncidentFacts(board.IncidentId, board.Hazard, severity, board.District, board.Title, board.Classification, board.IsExercise,
            [.. incident.CurrentAgencies], activePlans, board.ExerciseId is { } exercise ? new ExerciseScope(exercise, board.ExerciseParticipants) : null);
    }
}
