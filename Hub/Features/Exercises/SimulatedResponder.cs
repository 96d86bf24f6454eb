using Coordination.Dispatch.Routing;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// Plays the agencies an exercise gives to the hub rather than to people: each acknowledges its alerts on the exercise's
/// incidents once its configured delay has passed on the exercise's clock (so at 60x a 5-minute delay is 5 seconds), or
/// never. It acknowledges through <see cref="AcknowledgeAlert"/> as the agency's liaison would, under an id derived from
/// the alert, so a restart or a second hub acknowledges once.
/// </summary>
public sealed class SimulatedResponder(AcknowledgeAlert acknowledge, ReadModels readModels)
{
    /// <summary>The note on a simulated acknowledgement, in both languages.</summary>
    public const string Note = "استجابة محاكاة للتمرين / Simulated responder";

    /// <summary>Acknowledges the alerts due by <paramref name="now"/>; returns how many.</summary>
    public async Task<int> RespondAsync(ExerciseState exercise, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var delays = exercise.Started.Simulated.Where(s => s.AcknowledgeAfterMinutes is not null)
            .ToDictionary(s => s.Agency, s => s.AcknowledgeAfterMinutes!.Value, StringComparer.Ordinal);
        if (delays.Count == 0)
        {
            return 0;
        }

        var minutes = exercise.MinutesAt(now);
        var acknowledged = 0;
        foreach (var incidentId in exercise.Fired.Values.Select(f => f.IncidentId).Distinct())
        {
            foreach (var alert in await readModels.GetAlertsAsync(incidentId, cancellationToken))
            {
                if (alert.AcknowledgedAt is not null || !delays.TryGetValue(alert.Agency, out var delay) || minutes - exercise.MinutesAt(alert.AlertedAt) < delay)
                {
                    continue;
                }

                try
                {
                    var answer = await acknowledge.HandleAsync(ExerciseCaller.Simulated(alert.Agency),
                        new AcknowledgeAlert.Command(incidentId, DerivedEventId.Create(alert.AlertEventId, "simulated-ack"), Note, null), cancellationToken);
                    acknowledged += answer.WasDuplicate ? 0 : 1;
                }
                catch (RefusalException)
                {
                    // Acknowledged meanwhile by another hub's responder, or the incident closed: nothing left to play.
                }
            }
        }

        return acknowledged;
    }
}
