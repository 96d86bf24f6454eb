using Coordination.Persistence.Evaluation;

namespace Coordination.Hub.Features.Evaluation;

/// <summary>The figures of one line (an agency, a hazard, a district, or all) over one period.</summary>
/// <param name="Alerts">Alerts received.</param>
/// <param name="AcknowledgedInTime">Acknowledged by their deadline.</param>
/// <param name="AcknowledgedLate">Acknowledged after their deadline.</param>
/// <param name="Missed">Never acknowledged, deadline passed.</param>
/// <param name="Waiting">Not acknowledged yet, deadline still ahead.</param>
/// <param name="InTimePercent">Acknowledged in time, of those whose deadline has come (in time, late or missed); null with none.</param>
/// <param name="MedianSecondsToAcknowledge">Median time from alert to acknowledgement (nearest rank); null with none.</param>
/// <param name="P90SecondsToAcknowledge">90th percentile of the same.</param>
/// <param name="Updated">Alerts whose agency posted an update on the incident.</param>
/// <param name="MedianSecondsToFirstUpdate">Median time from alert to the agency's first update.</param>
/// <param name="Tasks">Plan tasks assigned.</param>
/// <param name="TasksOnTime">Completed by their due time.</param>
/// <param name="TasksLate">Completed after it.</param>
/// <param name="TasksOverdue">Not completed (nor stood down), due time passed.</param>
/// <param name="AlertEscalations">Alerts that reached each escalation level: [level 1, level 2, level 3].</param>
/// <param name="TaskEscalations">Tasks that reached each escalation level.</param>
public sealed record Figures(
    int Alerts,
    int AcknowledgedInTime,
    int AcknowledgedLate,
    int Missed,
    int Waiting,
    double? InTimePercent,
    double? MedianSecondsToAcknowledge,
    double? P90SecondsToAcknowledge,
    int Updated,
    double? MedianSecondsToFirstUpdate,
    int Tasks,
    int TasksOnTime,
    int TasksLate,
    int TasksOverdue,
    IReadOnlyList<int> AlertEscalations,
    IReadOnlyList<int> TaskEscalations)
{
    /// <summary>Alerts and tasks escalate to at most level 3 (the duty office and commanders).</summary>
    public const int Levels = 3;

    public static Figures Of(IReadOnlyCollection<EvaluationAlertRow> alerts, IReadOnlyCollection<EvaluationTaskRow> tasks, long asOf)
    {
        int inTime = 0, late = 0, missed = 0, waiting = 0;
        var toAcknowledge = new List<double>(alerts.Count);
        var toUpdate = new List<double>();
        var alertLevels = new int[Levels];
        foreach (var a in alerts)
        {
            switch (Judge(a, asOf))
            {
                case AlertOutcome.InTime: inTime++; break;
                case AlertOutcome.Late: late++; break;
                case AlertOutcome.Missed: missed++; break;
                default: waiting++; break;
            }

            if (a.AcknowledgedAt is { } acknowledged)
            {
                toAcknowledge.Add(Seconds(acknowledged - a.AlertedAt));
            }

            if (a.FirstUpdateAt is { } updated)
            {
                toUpdate.Add(Seconds(updated - a.AlertedAt));
            }

            Count(alertLevels, a.EscalationLevel);
        }

        int onTime = 0, tasksLate = 0, overdue = 0;
        var taskLevels = new int[Levels];
        foreach (var t in tasks)
        {
            switch (Judge(t, asOf))
            {
                case TaskOutcome.OnTime: onTime++; break;
                case TaskOutcome.Late: tasksLate++; break;
                case TaskOutcome.Overdue: overdue++; break;
            }

            Count(taskLevels, t.EscalationLevel);
        }

        var due = inTime + late + missed;
        toAcknowledge.Sort();
        toUpdate.Sort();
        return new Figures(
            alerts.Count, inTime, late, missed, waiting,
            due == 0 ? null : Math.Round(100.0 * inTime / due, 1),
            Percentile(toAcknowledge, 0.5), Percentile(toAcknowledge, 0.9),
            toUpdate.Count, Percentile(toUpdate, 0.5),
            tasks.Count, onTime, tasksLate, overdue, alertLevels, taskLevels);
    }

    public static AlertOutcome Judge(EvaluationAlertRow alert, long asOf) => alert.AcknowledgedAt switch
    {
        { } at when at <= alert.AcknowledgeBy => AlertOutcome.InTime,
        not null => AlertOutcome.Late,
        null when alert.AcknowledgeBy < asOf => AlertOutcome.Missed,
        _ => AlertOutcome.Waiting,
    };

    public static TaskOutcome Judge(EvaluationTaskRow task, long asOf) => task.CompletedAt switch
    {
        { } at when at <= task.DueAt => TaskOutcome.OnTime,
        not null => TaskOutcome.Late,
        null when task.Status == "StoodDown" => TaskOutcome.StoodDown,
        null when task.DueAt < asOf => TaskOutcome.Overdue,
        _ => TaskOutcome.Open,
    };

    /// <summary>Nearest-rank percentile of sorted values: one of the observed times, never an interpolation.</summary>
    internal static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 1);

    private static double Seconds(long milliseconds) => Math.Max(0, milliseconds) / 1000.0;

    private static void Count(int[] levels, int reached)
    {
        for (var level = 1; level <= Math.Min(reached, Levels); level++)
        {
            levels[level - 1]++;
        }
    }
}

public enum AlertOutcome
{
    InTime,
    Late,
    Missed,
    Waiting,
}

public enum TaskOutcome
{
    OnTime,
    Late,
    Overdue,
    Open,
    StoodDown,
}

/// <summary>How a line's share of alerts acknowledged in time moved against the previous period.</summary>
public enum Trend
{
    /// <summary>Nothing due in one of the two periods to compare.</summary>
    NoComparison,
    Better,
    Same,
    Worse,
}
