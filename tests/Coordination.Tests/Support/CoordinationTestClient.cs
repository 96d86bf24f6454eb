using System.Collections.Concurrent;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>
/// A real SignalR client over WebSockets, as an agency system would use: it records every push it
/// receives (Received) and applies them by position, dropping positions it already has (Applied).
/// </summary>
public sealed class CoordinationTestClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<LogEntry> _received = new();
    private readonly SortedDictionary<long, LogEntry> _applied = [];
    private readonly Lock _gate = new();

    private CoordinationTestClient(HubConnection connection, string userName)
    {
        Connection = connection;
        UserName = userName;
        connection.On<LogEntry>(nameof(ICoordinationClient.EntryAppended), entry =>
        {
            _received.Enqueue(entry);
            lock (_gate)
            {
                _applied.TryAdd(entry.Position, entry);
            }
        });
    }

    public HubConnection Connection { get; }

    public string UserName { get; }

    /// <summary>Every push as it arrived, duplicates included.</summary>
    public IReadOnlyList<LogEntry> Received => _received.ToArray();

    /// <summary>Entries by position, each once.</summary>
    public IReadOnlyList<LogEntry> Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied.Values.ToArray();
            }
        }
    }

    public static async Task<CoordinationTestClient> ConnectAsync(Uri baseAddress, string userName, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, HubPaths.Coordination), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(o => ContractJson.Apply(o.PayloadSerializerOptions))
            .Build();
        var client = new CoordinationTestClient(connection, userName);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Waits until the applied entries satisfy the condition, or fails after the timeout.</summary>
    public async Task<IReadOnlyList<LogEntry>> WaitUntilAsync(Func<IReadOnlyList<LogEntry>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var applied = Applied;
            if (condition(applied))
            {
                return applied;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{UserName} did not receive the expected entries in time; it has: " +
                    string.Join(", ", applied.Select(e => $"{e.Position}:{e.Type}")));
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
