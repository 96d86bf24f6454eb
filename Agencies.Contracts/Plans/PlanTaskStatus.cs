namespace Coordination.Agencies.Contracts.Plans;

/// <summary>Where a task assigned on an incident stands.</summary>
public enum PlanTaskStatus
{
    /// <summary>Assigned; the agency has not taken it on yet.</summary>
    Assigned,

    /// <summary>The agency's liaison acknowledged it.</summary>
    Acknowledged,

    /// <summary>The agency reported progress on it.</summary>
    InProgress,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Closed unfinished because its plan was stood down.</summary>
    StoodDown,
}
