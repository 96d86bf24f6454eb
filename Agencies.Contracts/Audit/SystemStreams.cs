namespace Coordination.Agencies.Contracts.Audit;

/// <summary>Streams of the log that are not incidents.</summary>
public static class SystemStreams
{
    /// <summary>The audit stream: who read restricted incidents.</summary>
    public static readonly Guid Audit = new("00000000-0000-0000-0000-00000000a0d1");

    /// <summary>The directory stream: agencies and users, as administrators changed them.</summary>
    public static readonly Guid Directory = new("00000000-0000-0000-0000-00000000d1c7");

    /// <summary>The routing stream: every version of the routing rules, who changed them and why.</summary>
    public static readonly Guid Routing = new("00000000-0000-0000-0000-0000000a0e7e");

    /// <summary>The seals stream: the hub's signatures of the log's head (<see cref="Seals.LogSealed"/>), in order.</summary>
    public static readonly Guid Seals = new("00000000-0000-0000-0000-0000000005ea");

    /// <summary>The seal keys stream: every public key the hub's seals were signed with (<see cref="Seals.SealKeyPublished"/>).</summary>
    public static readonly Guid SealKeys = new("00000000-0000-0000-0000-00000005ea1c");

    /// <summary>True for a stream that is not an incident.</summary>
    /// <param name="streamId">The entry's incident id.</param>
    /// <returns>Whether it is a system stream.</returns>
    public static bool IsSystem(Guid streamId) => streamId == Audit || streamId == Directory || streamId == Routing || streamId == Seals || streamId == SealKeys;
}
