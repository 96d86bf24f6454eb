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

/// <summary>How many alerts were acknowledged within one span of time, for the distribution of times to acknowledge.</summary>
/// <param name="FromSeconds">The span's start (exclusive, but 0 inclusive).</param>
/// <param name="ToSeconds">Its end (inclusive); null for the last, open-ended span.</param>
/// <param name="Count">Alerts acknowledged within it.</param>
public sealed record TimeSpanCount(int FromSeconds, int? ToSeconds, int Count)
{
    /// <summary>The spans' ends: a minute, two, five, ten, fifteen, thirty, an hour, then beyond.</summary>
    public static IReadOnlyList<int> Ends { get; } = [60, 120, 300, 600, 900, 1800, 3600];

    /// <summary>The acknowledged alerts counted by how long they took.</summary>
    public static IReadOnlyList<TimeSpanCount> Of(IEnumerable<EvaluationAlertRow> alerts)
    {
        var counts = new int[Ends.Count + 1];
        foreach (var a in alerts)
        {
            if (a.AcknowledgedAt is { } at)
            {
                var seconds = Math.Max(0, at - a.AlertedAt) / 1000.0;
                var span = 0;
                while (span < Ends.Count && seconds > Ends[span])
                {
                    span++;
                }

                counts[span]++;
            }
        }

        return [.. counts.Select((count, i) => new TimeSpanCount(i == 0 ? 0 : Ends[i - 1], i < Ends.Count ? Ends[i] : null, count))];
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
