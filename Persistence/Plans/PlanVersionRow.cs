namespace Coordination.Persistence.Plans;

/// <summary>One version of one contingency plan as the library keeps it: the whole plan (JSON) and who changed it, when and why.</summary>
public sealed class PlanVersionRow
{
    public Guid PlanId { get; set; }

    public int Version { get; set; }

    public long Position { get; set; }

    /// <summary>Unix time in milliseconds, UTC.</summary>
    public long RecordedAt { get; set; }

    public string Code { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>The plan (<c>Agencies.Contracts.Plans.ContingencyPlan</c>) as JSON.</summary>
    public string Data { get; set; } = "";
}
