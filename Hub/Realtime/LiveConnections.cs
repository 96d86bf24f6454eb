using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Presence;
using Coordination.Hub.Refusals;
using Coordination.Hub.Security;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// This hub's open SignalR connections and who opened each. A connection is closed when its token expires (a
/// timer per connection on the hub's clock) and when its user's account stops being current (disabled, or given
/// another role or agency): pushes go to groups joined at connect, so without this a connection would keep
/// receiving what its token no longer entitles it to. Also holds each user to a number of live connections.
/// </summary>
public sealed class LiveConnections(SecurityOptions security, TimeProvider time, ILogger<LiveConnections> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Live> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PresentUser> _left = new(StringComparer.OrdinalIgnoreCase);

    // Liaisons' open connections per agency: asked of every alert (is anyone of the agency here?), so kept as a count
    // instead of read from a snapshot of every connection.
    private readonly Dictionary<string, int> _liaisonsPerAgency = new(StringComparer.Ordinal);

    /// <summary>Users whose last connection here closed are remembered this long, so the board can say when they were last seen.</summary>
    public static readonly TimeSpan RememberLeft = TimeSpan.FromHours(24);

    private sealed record Live(HubCallerContext Context, Caller Caller, ITimer? Expiry, DateTimeOffset Since);

    /// <summary>Raised after a connection opens or closes (outside the lock), so presence is published at once.</summary>
    public event Action? Changed;

    /// <summary>Registers a new connection, or refuses it when its user already has as many as allowed.</summary>
    public void Add(HubCallerContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        lock (_gate)
        {
            var open = _perUser.GetValueOrDefault(caller.UserName);
            if (open >= security.MaxConnectionsPerUser)
            {
                throw Refuse.TooManyConnections(security.MaxConnectionsPerUser);
            }

            _perUser[caller.UserName] = open + 1;
            if (caller.Role == Role.Liaison)
            {
                _liaisonsPerAgency[caller.Agency] = _liaisonsPerAgency.GetValueOrDefault(caller.Agency) + 1;
            }

            var expiry = caller.ExpiresAt is { } expires
                ? time.CreateTimer(_ => Expire(context.ConnectionId), null, Max(expires - time.GetUtcNow(), TimeSpan.Zero), Timeout.InfiniteTimeSpan)
                : null;
            _byId[context.ConnectionId] = new Live(context, caller, expiry, time.GetUtcNow());
            _left.Remove(caller.UserName);
        }

        Changed?.Invoke();
    }

    public void Remove(string connectionId)
    {
        lock (_gate)
        {
            if (!_byId.Remove(connectionId, out var live))
            {
                return;
            }

            live.Expiry?.Dispose();
            if (live.Caller.Role == Role.Liaison)
            {
                var liaisons = _liaisonsPerAgency[live.Caller.Agency] - 1;
                if (liaisons == 0)
                {
                    _liaisonsPerAgency.Remove(live.Caller.Agency);
                }
                else
                {
                    _liaisonsPerAgency[live.Caller.Agency] = liaisons;
                }
            }

            var left = _perUser[live.Caller.UserName] - 1;
            if (left == 0)
            {
                _perUser.Remove(live.Caller.UserName);
                _left[live.Caller.UserName] = new PresentUser(live.Caller.UserName, live.Caller.Role, live.Caller.Agency, 0, null, time.GetUtcNow());
            }
            else
            {
                _perUser[live.Caller.UserName] = left;
            }
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// Who is connected to this hub now (per user: agency, role, connections, since when; last seen now), and the
    /// users whose last connection here closed within <see cref="RememberLeft"/> (no connections, last seen then).
    /// </summary>
    public IReadOnlyList<PresentUser> Snapshot()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var gone in _left.Values.Where(u => now - u.LastSeen > RememberLeft).ToArray())
            {
                _left.Remove(gone.UserName);
            }

            return
            [
                .. _byId.Values
                    .GroupBy(l => l.Caller.UserName, StringComparer.OrdinalIgnoreCase)
                    .Select(g => new PresentUser(g.Key, g.First().Caller.Role, g.First().Caller.Agency, g.Count(), g.Min(l => l.Since), now)),
                .. _left.Values,
            ];
        }
    }

    /// <summary>Whether a liaison of <paramref name="agency"/> has a connection open on this hub.</summary>
    public bool AnyLiaisonOf(string agency)
    {
        lock (_gate)
        {
            return _liaisonsPerAgency.ContainsKey(agency);
        }
    }

    /// <summary>How many connections <paramref name="userName"/> has open on this hub.</summary>
    public int CountFor(string userName)
    {
        lock (_gate)
        {
            return _perUser.GetValueOrDefault(userName);
        }
    }

    /// <summary>Closes every connection whose caller <paramref name="ended"/> says no longer holds; returns how many.</summary>
    public int CloseWhere(Func<Caller, bool> ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        List<Live> closing;
        lock (_gate)
        {
            closing = [.. _byId.Values.Where(l => ended(l.Caller))];
        }

        foreach (var live in closing)
        {
            HubLogMessages.ConnectionClosed(logger, live.Caller.UserName, "account changed");
            live.Context.Abort();
        }

        return closing.Count;
    }

    private void Expire(string connectionId)
    {
        Live? live;
        lock (_gate)
        {
            live = _byId.GetValueOrDefault(connectionId);
        }

        if (live is not null)
        {
            HubLogMessages.ConnectionClosed(logger, live.Caller.UserName, "token expired");
            live.Context.Abort();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var live in _byId.Values)
            {
                live.Expiry?.Dispose();
            }

            _byId.Clear();
            _perUser.Clear();
        }
    }
}
