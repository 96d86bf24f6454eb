namespace Coordination.Persistence.EventLog;

/// <summary>Named expectations for an incident's version at append time.</summary>
public static class ExpectedVersion
{
    /// <summary>Append whatever the current version is (system decisions such as routing).</summary>
    public const int Any = -1;

    /// <summary>The incident must not exist yet.</summary>
    public const int NoStream = 0;
}
