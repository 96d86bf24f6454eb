using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Bench.Live;

/// <summary>One WebSocket connection to a hub, as a liaison's or a commander's screen holds it.</summary>
internal static class Listener
{
    public static async Task<HubConnection> ConnectAsync(Uri baseAddress, string path, string token, Action<Delivery, long>? onEntry, Action<long>? onHeartbeat = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, path.TrimStart('/')), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => ContractJson.Apply(o.PayloadSerializerOptions))
            .Build();
        if (onEntry is not null)
        {
            // Read for the few fields timed, not bound to LogEntry records: see DeliveredPage.
            connection.On<DeliveredPage, long>(nameof(ICoordinationClient.EntriesAppended), (page, previous) =>
            {
                foreach (var entry in page.Entries)
                {
                    onEntry(entry, previous);
                    previous = entry.Position;
                }
            });
        }

        if (onHeartbeat is not null)
        {
            connection.On<long>(nameof(ICoordinationClient.Heartbeat), onHeartbeat);
        }

        await connection.StartAsync();
        return connection;
    }

    /// <summary>Opens <paramref name="count"/> connections, a few at a time so the hub's accept queue is not the thing measured.</summary>
    public static async Task<List<T>> ConnectManyAsync<T>(int count, Func<int, Task<T>> connect, int parallel = 32)
    {
        var connections = new T[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, count)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                connections[i] = await connect(i);
            }
        }));
        return [.. connections];
    }

    public static async Task DisposeAllAsync(IEnumerable<HubConnection> connections) =>
        await Task.WhenAll(connections.Select(async c => await c.DisposeAsync()));
}
