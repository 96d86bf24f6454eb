namespace Coordination.Hub;

/// <summary>The hub's diagnostic messages (logging, not the event log), generated so that disabled levels cost nothing.</summary>
internal static partial class HubLogMessages
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat could not be sent; clients will be told at the next one")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agency directory could not be refreshed; the previous one stays in use")]
    public static partial void DirectoryRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing rules: {Count} imported as version 1. {Reason}")]
    public static partial void RoutingRulesImported(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing rules imported at the first start: {Problem}; that agency is alerted once an administrator registers it")]
    public static partial void RoutingRuleNamesUnknownAgency(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a live connection of {UserName}: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string userName, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counted reads of restricted incidents could not be written; they are kept and written with the next closed windows")]
    public static partial void AuditWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired sign-in state could not be purged; the next run tries again")]
    public static partial void SignInStatePurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Tokens} expired refresh tokens and {Failures} forgotten sign-in failure counts")]
    public static partial void SignInStatePurged(ILogger logger, int tokens, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The log could not be sealed; the next interval tries again")]
    public static partial void SealFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This hub's presence could not be published; the next interval tries again")]
    public static partial void PresencePublishFailed(ILogger logger, Exception exception);
}
