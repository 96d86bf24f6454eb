using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Realtime;

namespace Coordination.Hub.Presence;

/// <summary>
/// Who is connected across every hub: this hub's own connections as they are now (<see cref="LiveConnections"/>),
/// and the latest <see cref="PresenceSnapshot"/> each other hub published on the bus, kept for three presence
/// intervals. A hub that dies stops publishing, so its users drop out within that time; a restarted hub's users
/// come back as their clients reconnect and it publishes. When each user was last seen outlives the snapshots.
/// </summary>
public sealed class ClusterPresence(LiveConnections local, RealtimeOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (PresenceSnapshot Snapshot, DateTimeOffset ReceivedAt)> _hubs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PresentUser> _lastSeen = new(StringComparer.OrdinalIgnoreCase);

    // Per other hub, the agencies with a liaison connected there, as its latest snapshot said.
    private readonly Dictionary<string, HashSet<string>> _reachableAt = new(StringComparer.Ordinal);
    private DateTimeOffset? _startedAt;

    /// <summary>This hub instance, in the snapshots it publishes (its own are not taken back from the bus).</summary>
    public string HubId { get; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>A snapshot older than this (by its arrival) is dropped: its hub has stopped publishing.</summary>
    public TimeSpan Expiry => options.PresenceInterval * 3;

    /// <summary>
    /// How long after this hub starts publishing before it trusts what it knows: every other hub has published
    /// once by then (an interval, and as much again for the bus), and clients dropped by a restart have reconnected.
    /// </summary>
    public TimeSpan SettleTime => options.PresenceInterval * 2;

    /// <summary>Called when this hub's presence starts publishing; the settle time counts from here.</summary>
    public void Started()
    {
        lock (_gate)
        {
            _startedAt ??= time.GetUtcNow();
        }
    }

    /// <summary>Whether this hub has known the other hubs' connections long enough to say an agency has nobody connected.</summary>
    public bool IsSettled
    {
        get
        {
            lock (_gate)
            {
                return _startedAt is { } started && time.GetUtcNow() - started >= SettleTime;
            }
        }
    }

    /// <summary>Waits until <see cref="IsSettled"/>.</summary>
    public async Task WhenSettledAsync(CancellationToken cancellationToken)
    {
        while (!IsSettled)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    /// <summary>Takes another hub's snapshot; this hub's own, coming back from the bus, are ignored.</summary>
    public void Offer(PresenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.HubId == HubId)
        {
            return;
        }

        lock (_gate)
        {
            if (_hubs.TryGetValue(snapshot.HubId, out var known) && known.Snapshot.At > snapshot.At)
            {
                return; // an older one overtaken on the bus
            }

            _hubs[snapshot.HubId] = (snapshot, time.GetUtcNow());
            _reachableAt[snapshot.HubId] = [.. snapshot.Users.Where(u => u.Role == Role.Liaison && u.Connections > 0).Select(u => u.Agency)];
            Remember(snapshot.Users);
        }
    }

    /// <summary>
    /// Whether a liaison of <paramref name="agency"/> is connected to any hub: this one's connections, then the other
    /// hubs' latest snapshots within <see cref="Expiry"/>. The same answer as <see cref="Users"/> gives, without merging
    /// every user of every hub, which an alert at a time cost the hub more than the alerts did.
    /// </summary>
    public bool AgencyReachable(string agency)
    {
        if (local.AnyLiaisonOf(agency))
        {
            return true;
        }

        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _hubs.Any(h => now - h.Value.ReceivedAt <= Expiry && _reachableAt.TryGetValue(h.Key, out var agencies) && agencies.Contains(agency));
        }
    }

    /// <summary>Every user known, merged across hubs: connections summed, the earliest since, the latest last seen.</summary>
    public IReadOnlyList<PresentUser> Users()
    {
        var now = time.GetUtcNow();
        var own = local.Snapshot();
        lock (_gate)
        {
            foreach (var (hubId, (snapshot, receivedAt)) in _hubs.ToArray())
            {
                if (now - receivedAt > Expiry)
                {
                    _hubs.Remove(hubId);
                    _reachableAt.Remove(hubId);
                    // Its users were seen until it last spoke.
                    Remember(snapshot.Users.Select(u => u with { LastSeen = u.Connections > 0 ? snapshot.At : u.LastSeen }));
                }
            }

            Remember(own);
            var present = own.Concat(_hubs.Values.SelectMany(h => h.Snapshot.Users)).Where(u => u.Connections > 0)
                .GroupBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First() with
                {
                    Connections = g.Sum(u => u.Connections),
                    Since = g.Min(u => u.Since),
                    LastSeen = now,
                })
                .ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
            foreach (var gone in _lastSeen.Values.Where(u => now - u.LastSeen > LiveConnections.RememberLeft).ToArray())
            {
                _lastSeen.Remove(gone.UserName);
            }

            return [.. present.Values, .. _lastSeen.Values.Where(u => !present.ContainsKey(u.UserName)).Select(u => u with { Connections = 0, Since = null })];
        }
    }

    private void Remember(IEnumerable<PresentUser> users)
    {
        foreach (var user in users)
        {
            if (!_lastSeen.TryGetValue(user.UserName, out var known) || known.LastSeen < user.LastSeen)
            {
                _lastSeen[user.UserName] = user;
            }
        }
    }
}
