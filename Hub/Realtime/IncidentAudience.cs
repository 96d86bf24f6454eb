using System.Collections.Concurrent;
using System.Collections.Immutable;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Visibility;

namespace Coordination.Hub.Realtime;

/// <summary>
/// For each incident, the agencies alerted and the position of each one's alert: an agency sees the
/// incident's entries from that position on, and, once its clearance for a restricted incident is revoked, only
/// before the revoking entry's position. A risk's stream is kept the same way: its lead agency sees it from
/// the first overdue review it was alerted to. A plan's task entries are seen, within those windows, by the task's own
/// agency only. Kept current from the entries this hub pushes, and loaded
/// from the alert inbox on first sight of an incident (after a restart, or for another hub's incident).
/// At most <see cref="Capacity"/> incidents are kept, the longest known forgotten first; a forgotten
/// incident is loaded again at its next entry, so a hub that runs for months does not grow with them.
/// Used by the one fan-out consumer, one entry at a time.
/// </summary>
public sealed class IncidentAudience(ReadModels readModels, int capacity = IncidentAudience.DefaultCapacity)
{
    /// <summary>Incidents kept by default: far more than are active at once, small in memory (a few agencies each).</summary>
    public const int DefaultCapacity = 20_000;

    private readonly ConcurrentDictionary<Guid, ImmutableDictionary<string, Window>> _alerts = new();

    // The order incidents became known in, for forgetting the oldest first.
    private readonly ConcurrentQueue<Guid> _known = new();

    /// <summary>The most incidents kept at once.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "The audience must be able to keep at least one incident.");

    /// <summary>How many incidents are kept now.</summary>
    public int Count => _alerts.Count;

    /// <summary>
    /// The agencies that may see <paramref name="entry"/>: those whose window of its incident holds its position, and of
    /// a plan's task entry only the task's own agency (<see cref="OwnAgencyEntries"/>, the rule the visibility queries apply).
    /// </summary>
    public async Task<IReadOnlyList<string>> AgenciesSeeingAsync(LogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var agencies = await AgenciesSeeingAsync(entry.IncidentId, entry.Position, cancellationToken);
        return OwnAgencyEntries.AgencyOf(entry) is { } own ? agencies.Where(a => string.Equals(a, own, StringComparison.Ordinal)).ToArray() : agencies;
    }

    /// <summary>The agencies whose window of the incident holds the entry at <paramref name="position"/>, whatever the entry.</summary>
    public async Task<IReadOnlyList<string>> AgenciesSeeingAsync(Guid incidentId, long position, CancellationToken cancellationToken)
    {
        if (!_alerts.TryGetValue(incidentId, out var known))
        {
            var loaded = (await readModels.GetAudienceAsync(incidentId, cancellationToken)).ToImmutableDictionary(a => a.Agency, a => new Window(a.Position, a.RevokedPosition), StringComparer.Ordinal);
            known = _alerts.AddOrUpdate(incidentId, loaded, (_, current) => current.SetItems(loaded));
            Remember(incidentId);
        }

        return known.Where(a => a.Value.Shows(position)).Select(a => a.Key).ToArray();
    }

    /// <summary>
    /// An incident's first entry: no agency can have been alerted before it, so its audience starts empty
    /// without asking the database. (The fan-out consumer sees every new incident this way; a query for each
    /// sat in its one-at-a-time path before every report's pushes.) An audience already known is kept.
    /// </summary>
    public void IncidentBegan(Guid incidentId)
    {
        if (_alerts.TryAdd(incidentId, ImmutableDictionary.Create<string, Window>(StringComparer.Ordinal)))
        {
            Remember(incidentId);
        }
    }

    /// <summary>
    /// Adds an alert to a known audience. An incident not known here (first seen after a restart, or forgotten)
    /// is left unknown: its next lookup loads the whole audience from the alert inbox, this alert included,
    /// where starting it from this alert alone would stop every agency alerted earlier from seeing its entries.
    /// An agency already in the audience keeps its first position (a risk's lead agency is alerted once per
    /// overdue review date, and sees the risk from the first), unless its clearance was revoked since.
    /// </summary>
    public void AgencyAlerted(Guid incidentId, string agency, long position)
    {
        // An agency cleared again after a revoke sees the incident from its new alert on; one still in the audience keeps its first position.
        while (_alerts.TryGetValue(incidentId, out var current) && (!current.TryGetValue(agency, out var window) || window.Until is not null)
            && !_alerts.TryUpdate(incidentId, current.SetItem(agency, new Window(position, null)), current))
        {
        }
    }

    /// <summary>
    /// Ends the agencies' view of a known audience at <paramref name="position"/>, the entry that revoked their
    /// clearance (which they do not see). An incident not known here is left unknown, as for an alert: its next
    /// lookup loads the audience from the alert inbox, where the revoke is already folded in.
    /// </summary>
    public void ClearanceRevoked(Guid incidentId, IEnumerable<string> agencies, long position)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var revoked = agencies.ToArray();
        while (_alerts.TryGetValue(incidentId, out var current) && !_alerts.TryUpdate(incidentId, Revoke(current), current))
        {
        }

        ImmutableDictionary<string, Window> Revoke(ImmutableDictionary<string, Window> current) =>
            current.SetItems(revoked.Where(current.ContainsKey).Select(a => KeyValuePair.Create(a, current[a] with { Until = current[a].Until ?? position })));
    }

    private void Remember(Guid incidentId)
    {
        _known.Enqueue(incidentId);
        while (_alerts.Count > Capacity && _known.TryDequeue(out var oldest))
        {
            _alerts.TryRemove(oldest, out _);
        }
    }

    /// <summary>An agency's view of one incident: from its alert, until (not including) the entry that revoked it.</summary>
    private readonly record struct Window(long From, long? Until)
    {
        public bool Shows(long position) => From <= position && (Until is not { } until || position < until);
    }
}
