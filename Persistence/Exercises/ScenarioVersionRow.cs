namespace Coordination.Persistence.Exercises;

/// <summary>One version of one exercise scenario as the library keeps it: the whole scenario (JSON) and who changed it, when and why.</summary>
public sealed class ScenarioVersionRow
{
    public Guid ScenarioId { get; set; }

    public int Version { get; set; }

    public long Position { get; set; }

    /// <summary>Unix time in milliseconds, UTC.</summary>
    public long RecordedAt { get; set; }

    public string Code { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public string? Reason { get; set; }

    /// <summary>The scenario (<c>Agencies.Contracts.Exercises.Scenario</c>) as JSON.</summary>
    public string Data { get; set; } = "";
}
