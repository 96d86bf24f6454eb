namespace Coordination.Hub.Realtime;

/// <summary>Coordination:Realtime. How the hub keeps clients whole over poor links.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Coordination:Realtime";

    /// <summary>How often each audience is told the latest position it may see, so a missed tail is noticed.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the hub keeps a dropped connection's state for a stateful reconnect; after that the client catches up from the log.</summary>
    public TimeSpan ReconnectWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often each hub publishes who is connected to it (and at once when that changes); another hub's users
    /// drop out three intervals after it stops, and a hub flags unreachable agencies only two intervals after it starts.
    /// </summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether an alert to an agency with nobody connected gets an AgencyUnreachable entry on its incident.</summary>
    public bool FlagUnreachableAgencies { get; set; } = true;
}
