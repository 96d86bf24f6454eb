using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch;

/// <summary>Dispatch's diagnostic messages (logging, not the event log), generated so that disabled levels cost nothing.</summary>
internal static partial class DispatchLogMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: {Count} agencies alerted at positions {First}-{Last} (already stored: {Duplicate})")]
    public static partial void AgenciesAlerted(ILogger logger, Guid incidentId, int count, long first, long last, bool duplicate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} matched no routing rule; only the duty office and commanders see it")]
    public static partial void NoRoute(ILogger logger, Guid incidentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {EventId} of incident {IncidentId}, published at position {Position}, is not in the log (a page published before the log was restored from a backup): not routed")]
    public static partial void ReportNotInLog(ILogger logger, Guid eventId, Guid incidentId, long position);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing rules reloaded from {Path}: {Count} rules")]
    public static partial void RulesReloaded(ILogger logger, string path, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing rules in {Path}: {Warning}; that agency is not alerted until it is registered")]
    public static partial void RuleWarning(ILogger logger, string path, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing rules in {Path} were not reloaded; the previous rules stay in force")]
    public static partial void RulesRejected(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation scan failed; the next scan retries")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Relay could not publish after position {Position}; retrying from the checkpoint")]
    public static partial void RelayFailed(ILogger logger, long position, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint {Name} could not be saved; the next save retries, and a restart until then repeats a little more")]
    public static partial void CheckpointNotSaved(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Incident {IncidentId}: its alerts could not be planned with the report; the report is logged alone and the routing consumer routes it")]
    public static partial void AlertsNotPlanned(ILogger logger, Exception exception, Guid incidentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} appended to {IncidentId} as {EventId} at position {Position}")]
    public static partial void Escalated(ILogger logger, string type, Guid incidentId, Guid eventId, long position);

    [LoggerMessage(Level = LogLevel.Error, Message = "Agency queues could not be fed after their checkpoints; retrying from them")]
    public static partial void AgencyFeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Agency {Agency}'s queue could not be declared or fed; the other agencies' queues go on, and this one retries from its position in {RetryIn}")]
    public static partial void AgencyQueueFailed(ILogger logger, Exception exception, string agency, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agency queue or exchange {Queue} exists with other arguments than the hub declares (declared again by its agency's system); the hub feeds it as it is")]
    public static partial void AgencyQueueRedeclared(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue {Queue}, which an earlier version of the hub read and this one does not, was deleted with its {Messages} messages")]
    public static partial void RetiredQueueDeleted(ILogger logger, string queue, uint messages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}, which an earlier version of the hub read, still has a consumer (a hub of that version still runs); it is deleted at a later start")]
    public static partial void RetiredQueueInUse(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queues of earlier versions of the hub could not be checked for deletion; the next start tries again")]
    public static partial void RetiredQueuesNotDeleted(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Step} failed on the page of positions {First}-{Last} three times; the page is routed and the step's work on it left")]
    public static partial void RoutingStepFailed(ILogger logger, Exception exception, string step, long first, long last);
}
