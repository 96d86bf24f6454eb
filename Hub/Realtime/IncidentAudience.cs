using System.Collections.Concurrent;
using System.Collections.Immutable;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Realtime;

/// <summary>
/// For each incident, the agencies alerted and the position of each one's alert: an agency sees the
/// incident's entries from that position on. Kept current from the entries this hub pushes, and loaded
/// from the alert inbox on first sight of an incident (after a restart, or for another hub's incident).
/// </summary>
public sealed class IncidentAudience(ReadModels readModels)
{
    private readonly ConcurrentDictionary<Guid, ImmutableDictionary<string, long>> _alerts = new();

    /// <summary>The agencies that may see the entry at <paramref name="position"/> of the incident.</summary>
    public async Task<IReadOnlyList<string>> AgenciesSeeingAsync(Guid incidentId, long position, CancellationToken cancellationToken)
    {
        if (!_alerts.TryGetValue(incidentId, out var known))
        {
            var loaded = (await readModels.GetAlertsAsync(incidentId, cancellationToken)).ToImmutableDictionary(a => a.Agency, a => a.Position, StringComparer.Ordinal);
            known = _alerts.AddOrUpdate(incidentId, loaded, (_, current) => current.SetItems(loaded));
        }

        return known.Where(a => a.Value <= position).Select(a => a.Key).ToArray();
    }

    /// <summary>
    /// An incident's first entry: no agency can have been alerted before it, so its audience starts empty
    /// without asking the database. (The fan-out consumer sees every new incident this way; a query for each
    /// sat in its one-at-a-time path before every report's pushes.) An audience already known is kept.
    /// </summary>
    public void IncidentBegan(Guid incidentId) =>
        _alerts.TryAdd(incidentId, ImmutableDictionary.Create<string, long>(StringComparer.Ordinal));

    public void AgencyAlerted(Guid incidentId, string agency, long position) =>
        _alerts.AddOrUpdate(
            incidentId,
            _ => ImmutableDictionary.Create<string, long>(StringComparer.Ordinal).SetItem(agency, position),
            (_, current) => current.SetItem(agency, position));
}
