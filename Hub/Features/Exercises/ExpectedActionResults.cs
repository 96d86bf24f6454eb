using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;

namespace Coordination.Hub.Features.Exercises;

/// <summary>How an agency did against one expected action.</summary>
public enum ActionOutcome
{
    /// <summary>Done by its deadline.</summary>
    Met,

    /// <summary>Done after its deadline.</summary>
    Late,

    /// <summary>Not done, and its deadline has passed (or the exercise has ended).</summary>
    Missed,

    /// <summary>Not done yet, the exercise still running and the deadline ahead (or its inject still to fire).</summary>
    Pending,

    /// <summary>Its inject never fired: the exercise was aborted before it.</summary>
    NotPlayed,
}

/// <summary>One agency's result against one expected action of the scenario, with the entry behind it.</summary>
/// <param name="Inject">The inject's number, from 1.</param>
/// <param name="Action">What was expected.</param>
/// <param name="Plan">The plan's code, for a plan activation or a task.</param>
/// <param name="Task">The task's id, for a task.</param>
/// <param name="WithinMinutes">Exercise minutes after the inject fired by which it was due.</param>
/// <param name="DueAtMinutes">The deadline on the exercise's clock (T+ minutes); null while the inject has not fired.</param>
/// <param name="Outcome">Met, Late, Missed, Pending or NotPlayed.</param>
/// <param name="DoneAtMinutes">When it was done on the exercise's clock; null when not done.</param>
/// <param name="LateByMinutes">How late, in exercise minutes, for a late one.</param>
/// <param name="IncidentId">The inject's incident.</param>
/// <param name="Position">The position of the entry that did it (the acknowledgement, activation or completion); null when not done.</param>
/// <param name="EventId">That entry's event id.</param>
public sealed record ExpectedActionResult(
    int Inject,
    ExpectedActionKind Action,
    string? Plan,
    string? Task,
    int WithinMinutes,
    double? DueAtMinutes,
    ActionOutcome Outcome,
    double? DoneAtMinutes,
    double? LateByMinutes,
    Guid? IncidentId,
    long? Position,
    Guid? EventId);

/// <summary>One agency's results against the scenario's expected actions.</summary>
/// <param name="Agency">The agency's code.</param>
/// <param name="NameAr">Its name in Arabic.</param>
/// <param name="NameEn">Its name in English.</param>
/// <param name="Met">Expected actions done in time.</param>
/// <param name="Late">Done late.</param>
/// <param name="Missed">Not done.</param>
/// <param name="Pending">Still to come.</param>
/// <param name="Results">Each expected action, in the scenario's order.</param>
public sealed record AgencyResults(string Agency, string NameAr, string NameEn, int Met, int Late, int Missed, int Pending, IReadOnlyList<ExpectedActionResult> Results);

/// <summary>
/// Judges each agency against the scenario's expected actions from the exercise's entries: an acknowledgement of the
/// agency's alert on the inject's incident, the plan's activation on it, the task's completion by the agency. Times are
/// on the exercise's clock (pauses left out, speed applied), the deadline the inject's firing plus the minutes allowed;
/// something done before its inject fired (an alert acknowledged before a message repeated it) counts as done then.
/// </summary>
public static class ExpectedActionJudge
{
    // A hundredth of an exercise minute, the precision results are given to: done on the deadline is in time.
    private const double Tolerance = 0.01;

    /// <summary>Every expected action's result at <paramref name="now"/>, by agency, reading the incidents' entries in <paramref name="streams"/>.</summary>
    public static IReadOnlyList<(string Agency, IReadOnlyList<ExpectedActionResult> Results)> Judge(
        ExerciseState exercise, Scenario scenario, IReadOnlyDictionary<Guid, IReadOnlyList<LogEntry>> streams, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(streams);
        var nowMinutes = exercise.MinutesAt(now);
        var byAgency = new Dictionary<string, List<ExpectedActionResult>>(StringComparer.Ordinal);
        foreach (var (inject, index) in scenario.Injects.Select((inject, index) => (inject, index)))
        {
            exercise.Fired.TryGetValue(index + 1, out var fired);
            foreach (var expected in inject.Expected)
            {
                var result = fired is null
                    ? new ExpectedActionResult(index + 1, expected.Action, expected.Plan, expected.Task, expected.WithinMinutes, null,
                        exercise.IsUnderway ? ActionOutcome.Pending : ActionOutcome.NotPlayed, null, null, null, null, null)
                    : Result(exercise, index + 1, fired, expected, streams.TryGetValue(fired.IncidentId, out var stream) ? stream : [], nowMinutes);
                if (!byAgency.TryGetValue(expected.Agency, out var list))
                {
                    byAgency[expected.Agency] = list = [];
                }

                list.Add(result);
            }
        }

        return [.. byAgency.Select(a => (a.Key, (IReadOnlyList<ExpectedActionResult>)a.Value))];
    }

    private static ExpectedActionResult Result(ExerciseState exercise, int number, InjectFired fired, ExpectedAction expected, IReadOnlyList<LogEntry> stream, double nowMinutes)
    {
        var due = fired.ExerciseMinutes + expected.WithinMinutes;
        var done = Evidence(stream, expected);
        ActionOutcome outcome;
        double? doneAt = null, lateBy = null;
        if (done is { } entry)
        {
            var at = Math.Max(exercise.MinutesAt(entry.At), fired.ExerciseMinutes);
            doneAt = Math.Round(at, 2);
            outcome = at <= due + Tolerance ? ActionOutcome.Met : ActionOutcome.Late;
            lateBy = outcome == ActionOutcome.Late ? Math.Round(at - due, 2) : null;
        }
        else
        {
            outcome = exercise.IsUnderway && nowMinutes < due ? ActionOutcome.Pending : ActionOutcome.Missed;
        }

        return new ExpectedActionResult(number, expected.Action, expected.Plan, expected.Task, expected.WithinMinutes, Math.Round(due, 2), outcome, doneAt, lateBy,
            fired.IncidentId, done?.Entry.Position, done?.Entry.EventId);
    }

    // The first entry on the incident that does what was expected, with the time it was done.
    private static (LogEntry Entry, DateTimeOffset At)? Evidence(IReadOnlyList<LogEntry> stream, ExpectedAction expected)
    {
        foreach (var entry in stream)
        {
            switch (expected.Action, entry.Type)
            {
                case (ExpectedActionKind.Acknowledge, EventTypes.AlertAcknowledged):
                    var acknowledged = entry.DataAs<AlertAcknowledged>();
                    if (acknowledged.Agency == expected.Agency)
                    {
                        return (entry, acknowledged.AcknowledgedAt);
                    }

                    break;
                case (ExpectedActionKind.ActivatePlan, EventTypes.PlanActivated):
                    var activated = entry.DataAs<PlanActivated>();
                    if (activated.PlanCode == expected.Plan)
                    {
                        return (entry, activated.ActivatedAt);
                    }

                    break;
                case (ExpectedActionKind.CompleteTask, EventTypes.TaskCompleted):
                    var completed = entry.DataAs<TaskCompleted>();
                    if (completed.PlanCode == expected.Plan && completed.TaskId == expected.Task && completed.Agency == expected.Agency)
                    {
                        return (entry, completed.At);
                    }

                    break;
            }
        }

        return null;
    }
}
