namespace Coordination.Persistence.Register;

/// <summary>One version of one risk as the register keeps it: the whole risk (JSON) and who changed it, when and why.</summary>
public sealed class RiskVersionRow
{
    public Guid RiskId { get; set; }

    public int Version { get; set; }

    public long Position { get; set; }

    /// <summary>Unix time in milliseconds, UTC.</summary>
    public long RecordedAt { get; set; }

    public string ChangedBy { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>The risk (<c>Agencies.Contracts.Register.Risk</c>) as JSON.</summary>
    public string Data { get; set; } = "";

    /// <summary>The exercise whose finding's accepted re-score made this version; null for a person's own edit.</summary>
    public Guid? SourceExerciseId { get; set; }

    /// <summary>That finding.</summary>
    public Guid? SourceFindingId { get; set; }
}
