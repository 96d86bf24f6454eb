using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Relay;
using Coordination.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Coordination.Tests.EndToEnd.Faults;

/// <summary>
/// A queue an earlier version of the hub read and this one does not is taken away at start, so it does not fill with a
/// copy of every page for ever; one that a hub of that version still consumes is left to it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RetiredQueuesTests : RabbitMqFixture
{
    [Test]
    public async Task The_unreachable_flags_old_queue_is_deleted_at_start_with_what_it_held_unless_a_consumer_still_holds_it()
    {
        // The abandoned queue a quorum queue, as the earlier version declared it with QuorumQueues on: RabbitMQ refuses to
        // delete a quorum queue only if unused, so the hub counts its consumers itself.
        var abandoned = BusSettings();
        abandoned["Coordination:Bus:QuorumQueues"] = "true";
        var stillRead = BusSettings();
        abandoned["Logging:LogLevel:Coordination.Dispatch.Bus"] = stillRead["Logging:LogLevel:Coordination.Dispatch.Bus"] = "Information";
        await using var connection = await new ConnectionFactory { HostName = "127.0.0.1", Port = Broker.AmqpPort, AutomaticRecoveryEnabled = false }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var abandonedQueue = await DeclareAsTheEarlierVersionDidAsync(channel, abandoned["Coordination:Bus:QueuePrefix"]!, quorum: true);
        var stillReadQueue = await DeclareAsTheEarlierVersionDidAsync(channel, stillRead["Coordination:Bus:QueuePrefix"]!, quorum: false);
        await channel.BasicPublishAsync(abandonedQueue, "", new ReadOnlyMemory<byte>("a page nobody will read"u8.ToArray()));
        await using var earlierHub = await connection.CreateChannelAsync();
        await earlierHub.BasicConsumeAsync(stillReadQueue, autoAck: false, new AsyncEventingBasicConsumer(earlierHub));

        var log = new CapturedLog();
        using (var data = new TempDirectory())
        await using (var hub = await HubHost.StartAsync(data.Path, abandoned, services: s => s.AddSingleton<ILoggerProvider>(log)))
        {
            var deleted = await log.WaitForAsync(l => l.EventName == "RetiredQueueDeleted", TimeSpan.FromSeconds(30));
            // The page put there before, and any the new hub's relay published before the deletion (bound still, it got them).
            Assert.That(int.Parse(deleted.Field("Messages")!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1), "what it held went with it");
            await ExpectGoneAsync(connection, abandonedQueue);
            await ExpectGoneAsync(connection, abandonedQueue, exchange: true);
        }

        // A hub of the earlier version still consumes this one: the new hub leaves it to it, and says so.
        log = new CapturedLog();
        using (var data = new TempDirectory())
        await using (var hub = await HubHost.StartAsync(data.Path, stillRead, services: s => s.AddSingleton<ILoggerProvider>(log)))
        {
            var inUse = await log.WaitForAsync(l => l.EventName == "RetiredQueueInUse", TimeSpan.FromSeconds(30));
            Assert.That(inUse.Field("Queue"), Is.EqualTo(stillReadQueue));
        }

        await using var check = await connection.CreateChannelAsync();
        Assert.That((await check.QueueDeclarePassiveAsync(stillReadQueue)).ConsumerCount, Is.EqualTo(1), "the queue with a consumer is still there, still read");
    }

    /// <summary>The queue, and its exchange bound to the pages' exchange, as MassTransit declared them for the earlier consumer.</summary>
    private static async Task<string> DeclareAsTheEarlierVersionDidAsync(IChannel channel, string prefix, bool quorum)
    {
        var name = new KebabCaseEndpointNameFormatter(prefix, false).Consumer<UnreachableAgencyConsumer>();
        var pages = $"{typeof(LogEntriesPublished).Namespace}:{nameof(LogEntriesPublished)}";
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, quorum ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null);
        await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true);
        await channel.QueueBindAsync(name, name, "");
        await channel.ExchangeDeclareAsync(pages, ExchangeType.Fanout, durable: true);
        await channel.ExchangeBindAsync(name, pages, "");
        return name;
    }

    private static async Task ExpectGoneAsync(IConnection connection, string name, bool exchange = false)
    {
        await using var probe = await connection.CreateChannelAsync();
        var missing = Assert.ThrowsAsync<OperationInterruptedException>(async () =>
        {
            if (exchange)
            {
                await probe.ExchangeDeclarePassiveAsync(name);
            }
            else
            {
                await probe.QueueDeclarePassiveAsync(name);
            }
        });
        Assert.That(missing!.ShutdownReason?.ReplyCode, Is.EqualTo(404), $"the {(exchange ? "exchange" : "queue")} {name} is gone");
    }

    /// <summary>Named as the earlier version's consumer was, so MassTransit's formatter gives the name that version's queue had.</summary>
    private sealed class UnreachableAgencyConsumer : IConsumer<LogEntriesPublished>
    {
        public Task Consume(ConsumeContext<LogEntriesPublished> context) => Task.CompletedTask;
    }
}
