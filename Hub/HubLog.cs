namespace Coordination.Hub;

/// <summary>The hub's log messages, generated so that disabled levels cost nothing.</summary>
internal static partial class HubLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat could not be sent; clients will be told at the next one")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agency directory could not be refreshed; the previous one stays in use")]
    public static partial void DirectoryRefreshFailed(ILogger logger, Exception exception);

}
