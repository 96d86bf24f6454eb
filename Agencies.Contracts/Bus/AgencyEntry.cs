using Coordination.Agencies.Contracts.Log;

namespace Coordination.Agencies.Contracts.Bus;

/// <summary>
/// One entry of the log that an agency may see, sent to that agency's own queue on the bus (<see cref="AgencyQueues"/>),
/// typed by its event: <c>AgencyEntry&lt;AgencyAlerted&gt;</c>, <c>AgencyEntry&lt;IncidentUpdated&gt;</c> and so on, one for
/// each of <see cref="EventTypes.All"/>. An agency's queue receives its entries in log order. A redelivery (after a
/// restart of the hub or the broker) carries the same <see cref="Position"/>: a subscriber keeps the last position it
/// handled and drops any entry at or below it.
/// </summary>
/// <typeparam name="TData">The event record named by <see cref="Type"/>.</typeparam>
/// <param name="Position">The entry's position in the log: the order, and the key for dropping a repeat.</param>
/// <param name="IncidentId">The incident (or the log's own stream) the entry belongs to.</param>
/// <param name="Version">The entry's version within its incident.</param>
/// <param name="EventId">The event's unique id.</param>
/// <param name="Type">One of <see cref="EventTypes"/>.</param>
/// <param name="Data">The event.</param>
/// <param name="Metadata">Who caused it and why.</param>
/// <param name="RecordedAt">When the log stored it (UTC).</param>
public sealed record AgencyEntry<TData>(
    long Position,
    Guid IncidentId,
    int Version,
    Guid EventId,
    string Type,
    TData Data,
    EntryMetadata Metadata,
    DateTimeOffset RecordedAt);

/// <summary>The names of an agency's own queue and exchange on the bus.</summary>
public static class AgencyQueues
{
    /// <summary>The default prefix of the hub's queue names (the hub's <c>Coordination:Bus:QueuePrefix</c>).</summary>
    public const string DefaultPrefix = "coordination";

    /// <summary>
    /// The durable queue (and the exchange of the same name bound to it) that receives the entries
    /// <paramref name="agency"/> may see, e.g. <c>coordination-agency-ncem</c>.
    /// </summary>
    /// <param name="prefix">The hub's queue prefix.</param>
    /// <param name="agency">The agency's code.</param>
    /// <returns>The queue's name.</returns>
    public static string Entries(string prefix, string agency) => $"{prefix}-agency-{agency}";

    /// <summary>The exchange (and queue) the agency's system sends its commands to, e.g. <c>coordination-agency-ncem.commands</c>.</summary>
    /// <param name="prefix">The hub's queue prefix.</param>
    /// <param name="agency">The agency's code.</param>
    /// <returns>The exchange's name.</returns>
    public static string Commands(string prefix, string agency) => Entries(prefix, agency) + ".commands";

    /// <summary>The durable queue the hub answers the agency's commands on, e.g. <c>coordination-agency-ncem.replies</c>.</summary>
    /// <param name="prefix">The hub's queue prefix.</param>
    /// <param name="agency">The agency's code.</param>
    /// <returns>The queue's name.</returns>
    public static string Replies(string prefix, string agency) => Entries(prefix, agency) + ".replies";
}
