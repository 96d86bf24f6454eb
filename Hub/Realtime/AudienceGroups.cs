namespace Coordination.Hub.Realtime;

/// <summary>SignalR group names. Each connection is in exactly one, so nobody is sent an entry twice.</summary>
public static class AudienceGroups
{
    /// <summary>The duty office, commanders and administrators: every entry.</summary>
    public const string Everything = "everything";

    /// <summary>An agency's liaisons: every entry of every incident routed to the agency.</summary>
    public static string Agency(string code) => "agency:" + code;
}
