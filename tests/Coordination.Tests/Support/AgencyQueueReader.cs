using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Coordination.Tests.Support;

/// <summary>
/// An agency's system reading its own queue as the broker delivers it: each message kept as MassTransit's envelope
/// carried it (its message types and the message), acknowledged once recorded. Disposing it stops the consumer; what it
/// had not acknowledged stays in the queue.
/// </summary>
public sealed class AgencyQueueReader : IAsyncDisposable
{
    private readonly ConcurrentQueue<Delivered> _received = new();
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AgencyQueueReader(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyList<Delivered> Received => _received.ToArray();

    /// <summary>Completes when the broker closes this reader's connection (a revoked identity).</summary>
    public Task Closed => _closed.Task;

    /// <summary>One delivered message: its MassTransit message types and the message itself.</summary>
    public sealed record Delivered(string[] MessageTypes, JsonElement Message)
    {
        public long Position => Message.GetProperty("position").GetInt64();

        public string Type => Message.GetProperty("type").GetString()!;

        public JsonElement Data => Message.GetProperty("data");
    }

    /// <summary>Starts reading <paramref name="queue"/> once the hub has declared it (at its start, when it takes the feed's lease).</summary>
    public static async Task<AgencyQueueReader> StartAsync(int port, string queue, string userName = "guest", string password = "guest")
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await ConnectAsync(port, queue, userName, password);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Reads <paramref name="queue"/> now; the broker's refusal (no such queue, access refused) is thrown as it comes.</summary>
    public static async Task<AgencyQueueReader> ConnectAsync(int port, string queue, string userName = "guest", string password = "guest")
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = port, UserName = userName, Password = password, AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync();
        try
        {
            var channel = await connection.CreateChannelAsync();
            var reader = new AgencyQueueReader(connection, channel);
            connection.ConnectionShutdownAsync += (_, _) =>
            {
                reader._closed.TrySetResult();
                return Task.CompletedTask;
            };
            await channel.BasicQosAsync(0, 50, false);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += reader.OnReceivedAsync;
            await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
            return reader;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
        var types = envelope.RootElement.GetProperty("messageType").EnumerateArray().Select(t => t.GetString()!).ToArray();
        _received.Enqueue(new Delivered(types, envelope.RootElement.GetProperty("message").Clone()));
        await _channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Waits until what was received satisfies <paramref name="done"/>, and returns it.</summary>
    public async Task<IReadOnlyList<Delivered>> WaitUntilAsync(Func<IReadOnlyList<Delivered>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            var received = Received;
            if (done(received))
            {
                return received;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"the queue did not deliver what was expected in time; received positions {string.Join(",", received.Select(r => r.Position))}");
            }

            await changed.WaitAsync(left).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closed.Task.IsCompleted)
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
        }

        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
