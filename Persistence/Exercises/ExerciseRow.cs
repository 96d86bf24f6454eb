namespace Coordination.Persistence.Exercises;

/// <summary>One exercise as the list of exercises shows it, folded from its stream.</summary>
public sealed class ExerciseRow
{
    public Guid ExerciseId { get; set; }

    public Guid ScenarioId { get; set; }

    public string ScenarioCode { get; set; } = "";

    public int ScenarioVersion { get; set; }

    public string TitleAr { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public double Speed { get; set; }

    /// <summary>Running, Paused, Aborted or Completed.</summary>
    public string Status { get; set; } = "";

    public string StartedBy { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int InjectsFired { get; set; }

    /// <summary>The position of its ExerciseStarted entry.</summary>
    public long Position { get; set; }

    /// <summary>The position of its latest entry.</summary>
    public long LastPosition { get; set; }
}
