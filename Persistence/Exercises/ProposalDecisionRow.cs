namespace Coordination.Persistence.Exercises;

/// <summary>A decision on an exercise finding's proposal, kept by the risk or plan it is about.</summary>
public sealed class ProposalDecisionRow
{
    /// <summary>The decision's position in the log.</summary>
    public long Position { get; set; }

    public Guid TargetId { get; set; }

    public Guid ExerciseId { get; set; }

    public Guid FindingId { get; set; }

    public bool Accepted { get; set; }

    public string Reason { get; set; } = "";

    public string DecidedBy { get; set; } = "";

    /// <summary>Unix time in milliseconds, UTC.</summary>
    public long DecidedAt { get; set; }
}
