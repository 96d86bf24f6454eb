namespace Coordination.Agencies.Contracts.Realtime;

/// <summary>Where the realtime hub is served.</summary>
public static class HubPaths
{
    /// <summary>The SignalR hub path, relative to the hub's base address.</summary>
    public const string Coordination = "/hubs/coordination";
}
