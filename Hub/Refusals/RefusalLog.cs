namespace Coordination.Hub.Refusals;

/// <summary>How refusals are logged: an everyday answer, one information line, never a stack trace.</summary>
internal static partial class RefusalLog
{
    // Only what the hub itself knows: the method, the status and the signed-in user; never the request's text.
    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {Method} refused with {Status} for {User}")]
    public static partial void HubCallRefused(ILogger logger, string method, int? status, string user);
}
