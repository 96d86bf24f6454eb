using System.Collections.Concurrent;
using System.Collections.Immutable;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Realtime;

/// <summary>
/// Which agencies are alerted for each incident, kept current from the entries this hub pushes and
/// loaded from the alert inbox on first sight of an incident (after a restart, or from another hub).
/// </summary>
public sealed class IncidentAudience(ReadModels readModels)
{
    private readonly ConcurrentDictionary<Guid, ImmutableHashSet<string>> _agencies = new();

    public async Task<ImmutableHashSet<string>> GetAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        if (_agencies.TryGetValue(incidentId, out var known))
        {
            return known;
        }

        var loaded = (await readModels.GetAlertsAsync(incidentId, cancellationToken)).Select(a => a.Agency).ToImmutableHashSet(StringComparer.Ordinal);
        return _agencies.AddOrUpdate(incidentId, loaded, (_, current) => current.Union(loaded));
    }

    public void AddAgency(Guid incidentId, string agency) =>
        _agencies.AddOrUpdate(incidentId, _ => ImmutableHashSet.Create(StringComparer.Ordinal, agency), (_, current) => current.Add(agency));
}
