using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Dispatch.Escalation;

/// <summary>
/// Decides, from an alert's state in the log and the time now, which escalations and reminders are due.
/// Pure: the same alert and time always give the same events with the same ids, so a restart or a second
/// hub deciding again appends nothing new.
/// </summary>
public static class FollowUpPlanner
{
    public const string Actor = "escalation";

    /// <summary>Who each escalation level reaches, level 1 first; overdue tasks climb the same chain.</summary>
    public static IReadOnlyList<string> Chain { get; } = ["agency duty officer", "agency head", "duty office and commanders"];

    public static IEnumerable<NewEvent> Due(AlertRow alert, DateTimeOffset now, EscalationOptions options, Guid correlationId)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(options);
        if (alert.AcknowledgedAt is null)
        {
            for (var level = alert.EscalationLevel + 1; level <= Chain.Count; level++)
            {
                var dueAt = alert.AcknowledgeBy + (options.StepInterval * (level - 1));
                if (now < dueAt)
                {
                    yield break;
                }

                yield return Create(
                    DerivedEventId.Create(alert.AlertEventId, $"escalate:{level}"),
                    EventTypes.AlertEscalated,
                    new AlertEscalated(alert.IncidentId, alert.Agency, level, Chain[level - 1], alert.AcknowledgeBy, dueAt, alert.IsExercise),
                    alert,
                    correlationId);
            }
        }
        else if (alert.LastActivityAt is { } lastActivity)
        {
            var reminder = alert.RemindersSent + 1;
            var dueAt = lastActivity + (options.ReminderAfter * reminder);
            if (now >= dueAt)
            {
                yield return Create(
                    DerivedEventId.Create(alert.AlertEventId, $"remind:{alert.LastActivityPosition}:{reminder}"),
                    EventTypes.AlertReminderSent,
                    new AlertReminderSent(alert.IncidentId, alert.Agency, reminder, lastActivity, dueAt, alert.IsExercise),
                    alert,
                    correlationId);
            }
        }
    }

    private static NewEvent Create<T>(Guid eventId, string type, T data, AlertRow alert, Guid correlationId) =>
        new(eventId, type, JsonSerializer.Serialize(data, ContractJson.Options), new EntryMetadata(Actor, "moi-duty", correlationId, alert.AlertEventId, alert.IsExercise, alert.ExerciseId));
}
