namespace Coordination.Dispatch.Relay;

/// <summary>Coordination:Relay. How the relay reads the log.</summary>
public sealed class RelayOptions
{
    public const string Section = "Coordination:Relay";

    /// <summary>Entries published per read of the log.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often to look for entries appended by other processes when nothing signals this one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
