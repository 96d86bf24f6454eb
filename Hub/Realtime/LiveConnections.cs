using Coordination.Hub.Auth;
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

    private sealed record Live(HubCallerContext Context, Caller Caller, ITimer? Expiry);

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
            var expiry = caller.ExpiresAt is { } expires
                ? time.CreateTimer(_ => Expire(context.ConnectionId), null, Max(expires - time.GetUtcNow(), TimeSpan.Zero), Timeout.InfiniteTimeSpan)
                : null;
            _byId[context.ConnectionId] = new Live(context, caller, expiry);
        }
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
            var left = _perUser[live.Caller.UserName] - 1;
            if (left == 0)
            {
                _perUser.Remove(live.Caller.UserName);
            }
            else
            {
                _perUser[live.Caller.UserName] = left;
            }
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
