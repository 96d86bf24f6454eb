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

    [LoggerMessage(Level = LogLevel.Error, Message = "Counted reads of restricted incidents could not be written at stop: the event log had already closed, and the reads counted since the last write are lost")]
    public static partial void AuditNotWrittenAtStop(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired sign-in state could not be purged; the next run tries again")]
    public static partial void SignInStatePurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Tokens} expired refresh tokens and {Failures} forgotten sign-in failure counts")]
    public static partial void SignInStatePurged(ILogger logger, int tokens, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The log could not be sealed; the next interval tries again")]
    public static partial void SealFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This hub's presence could not be published; the next interval tries again")]
    public static partial void PresencePublishFailed(ILogger logger, Exception exception);
    [LoggerMessage(Level = LogLevel.Warning, Message = "Running the exercises failed; the next scan tries again")]
    public static partial void ExerciseRunFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} stored in incident {IncidentId} as {EventId} at position {Position} (already stored: {Duplicate})")]
    public static partial void CommandStored(ILogger logger, string useCase, Guid incidentId, Guid? eventId, long position, bool duplicate);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pushed positions {FirstPosition}-{LastPosition}: {Entries} entries to the duty office and commanders, shares to {Agencies} agencies")]
    public static partial void Pushed(ILogger logger, long firstPosition, long lastPosition, int entries, int agencies);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: {Agency} was alerted (event {AlertEventId}) with nobody connected; flagged as {EventId} at position {Position}")]
    public static partial void AgencyUnreachable(ILogger logger, Guid incidentId, string agency, Guid alertEventId, Guid eventId, long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "CAP {MsgType} from {Sender} sent {Sent} taken in: incident {IncidentId}, event {EventId}, position {Position} (already taken in: {Duplicate})")]
    public static partial void CapTakenIn(ILogger logger, string msgType, string sender, string sent, Guid incidentId, Guid? eventId, long position, bool duplicate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A print's folder {Folder} could not be removed")]
    public static partial void PrintFolderLeft(ILogger logger, string folder, Exception exception);
}
