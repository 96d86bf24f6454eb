using System.Diagnostics;
using System.Text.Json;
using Coordination.Agencies.Contracts.Log;
using Coordination.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Bench.Live;

/// <summary>
/// B4: MassTransit with nothing of ours around it: log entries published one after another, each
/// awaited as the relay awaits it, to one consumer taking one at a time as the hub's fan-out does.
/// On the in-memory transport, and on RabbitMQ with publisher confirms.
/// </summary>
internal static class BareBusBaseline
{
    public static async Task<IReadOnlyList<Result>> RunAsync(Sizes sizes, RabbitMqBroker? broker)
    {
        var results = new List<Result>
        {
            await MeasureAsync("B4.memory", "bare MassTransit, in-memory transport", sizes.BusMessages, x => x.UsingInMemory((context, bus) => bus.ConfigureEndpoints(context))),
        };
        if (broker is not null)
        {
            results.Add(await MeasureAsync("B4.rabbitmq", "bare MassTransit, RabbitMQ with publisher confirms", sizes.BusMessages, x => x.UsingRabbitMq((context, bus) =>
            {
                bus.Host("127.0.0.1", (ushort)broker.AmqpPort, "/", h =>
                {
                    h.Username("guest");
                    h.Password("guest");
                    h.PublisherConfirmation = true;
                });
                bus.ConfigureEndpoints(context, new KebabCaseEndpointNameFormatter("b4" + Guid.NewGuid().ToString("N")[..8], false));
            })));
        }

        return results;
    }

    private static async Task<Result> MeasureAsync(string id, string what, int count, Action<IBusRegistrationConfigurator> transport)
    {
        var counter = new Counter(count);
        var services = new ServiceCollection();
        services.AddSingleton(counter);
        services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry(); // as the hub: nothing goes to the vendor
            x.AddConsumer<CountingConsumer>(c => c.ConcurrentMessageLimit = 1);
            transport(x);
        });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(TimeSpan.FromSeconds(60));
        try
        {
            var data = JsonSerializer.SerializeToElement(new { title = "فيضان في درنة: انهيار سدَّي وادي درنة", district = "derna", severity = "Extreme" });
            var started = Stopwatch.GetTimestamp();
            for (var i = 1; i <= count; i++)
            {
                await bus.Publish(new LogEntry(i, Guid.NewGuid(), 1, Guid.NewGuid(), EventTypes.IncidentReported, data,
                    new EntryMetadata("duty.operator", "moi-duty", Guid.NewGuid(), null, false), DateTimeOffset.UtcNow));
            }

            await counter.Done.WaitAsync(TimeSpan.FromSeconds(120));
            return new(id, $"{what}: {count:N0} entries published one by one and consumed", count / Stopwatch.GetElapsedTime(started).TotalSeconds, "entries/s");
        }
        finally
        {
            await bus.StopAsync(TimeSpan.FromSeconds(30));
        }
    }

    internal sealed class Counter(int expected)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _seen;

        public Task Done => _done.Task;

        public void Seen()
        {
            if (Interlocked.Increment(ref _seen) == expected)
            {
                _done.TrySetResult();
            }
        }
    }

    internal sealed class CountingConsumer(Counter counter) : IConsumer<LogEntry>
    {
        public Task Consume(ConsumeContext<LogEntry> context)
        {
            counter.Seen();
            return Task.CompletedTask;
        }
    }
}
