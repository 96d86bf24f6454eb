namespace Coordination.Dispatch.Escalation;

/// <summary>Coordination:Escalation. What happens when an alert is not acknowledged, or goes quiet.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Coordination:Escalation";

    /// <summary>How often alerts are checked against their deadlines.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time between one escalation step and the next (duty officer, then head, then duty office and commanders).</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An acknowledged alert whose agency has posted nothing for this long gets a reminder (and again after each such period).</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Between the steps of an overdue risk review or improvement item: the responsible agency is alerted the day after
    /// the date, reminded this long after, then escalated one level per interval (either is weeks of work, not minutes).
    /// </summary>
    public TimeSpan ReviewStepInterval { get; set; } = TimeSpan.FromDays(3);
}
