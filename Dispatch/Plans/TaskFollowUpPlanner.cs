using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Dispatch.Escalation;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Plans;

namespace Coordination.Dispatch.Plans;

/// <summary>
/// Decides, from a task's state in the log and the time now, which escalations of an overdue task are due: a task not
/// completed by its due time climbs the chain an unacknowledged alert climbs, one step per step interval. Pure: the
/// same task and time always give the same events with the same ids (derived from the task's assignment and the
/// level), so a restart or a second hub deciding again appends nothing new.
/// </summary>
public static class TaskFollowUpPlanner
{
    public static IEnumerable<NewEvent> Due(PlanTaskRow task, DateTimeOffset now, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        if (!task.IsOpen)
        {
            yield break;
        }

        for (var level = task.EscalationLevel + 1; level <= FollowUpPlanner.Chain.Count; level++)
        {
            var dueAt = task.DueAt + (options.StepInterval * (level - 1));
            if (now < dueAt)
            {
                yield break;
            }

            var escalated = new TaskEscalated(task.IncidentId, task.PlanCode, task.TaskId, task.Agency, level, FollowUpPlanner.Chain[level - 1], task.DueAt, dueAt, task.IsExercise);
            yield return new NewEvent(
                DerivedEventId.Create(task.AssignedEventId, $"escalate:{level}"),
                EventTypes.TaskEscalated,
                JsonSerializer.Serialize(escalated, ContractJson.Options),
                new EntryMetadata(FollowUpPlanner.Actor, "moi-duty", task.AssignedEventId, task.AssignedEventId, task.IsExercise, task.ExerciseId));
        }
    }
}
