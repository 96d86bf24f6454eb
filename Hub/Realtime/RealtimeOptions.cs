namespace Coordination.Hub.Realtime;

/// <summary>Coordination:Realtime. How the hub keeps clients whole over poor links.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Coordination:Realtime";

    /// <summary>How often each audience is told the latest position it may see, so a missed tail is noticed.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the hub keeps a dropped connection's state for a stateful reconnect; after that the client catches up from the log.</summary>
    public TimeSpan ReconnectWindow { get; set; } = TimeSpan.FromSeconds(30);
}
