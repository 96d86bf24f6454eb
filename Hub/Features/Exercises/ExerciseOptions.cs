namespace Coordination.Hub.Features.Exercises;

/// <summary>Coordination:Exercises. How often the runner looks for injects due and simulated acknowledgements.</summary>
public sealed class ExerciseOptions
{
    public const string Section = "Coordination:Exercises";

    /// <summary>How often every hub's runner checks the running exercises, on the hub's clock; it also wakes at each inject's own time.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(1);
}
