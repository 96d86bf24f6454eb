using Coordination.Dispatch.Relay;
using Coordination.Persistence;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Migrations;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>Starts a <see cref="ConsumerHarness{TConsumer}"/>.</summary>
public static class ConsumerHarness
{
    /// <summary>
    /// Starts the harness with <paramref name="addConsumer"/>'s consumer; <paramref name="addServices"/> gets the
    /// collection and the data folder.
    /// </summary>
    public static async Task<ConsumerHarness<TConsumer>> StartAsync<TConsumer>(Action<IServiceCollection, string> addServices, Action<IBusRegistrationConfigurator> addConsumer)
        where TConsumer : class, IConsumer
    {
        var data = new TempDirectory();
        var services = new ServiceCollection().AddLogging().AddPersistence(new StorageOptions(), data.Path);
        addServices(services, data.Path);
        services.AddMassTransitTestHarness(x =>
        {
            // The harness ends every wait for good once the bus has been idle this long; a test that writes to the
            // log between two pages can take longer than the default second on a busy machine.
            x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(30));
            addConsumer(x);
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        // Migrated before the harness starts the hosted services (the bus among them), not beside them.
        await provider.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
        var harness = new ConsumerHarness<TConsumer>(data, provider);
        await harness.Harness.Start();
        return harness;
    }
}

/// <summary>
/// One consumer on MassTransit's test harness (its in-memory bus, the consumer's own definition) over a real,
/// migrated SQLite log in a folder of its own: the consumer alone, without the relay or a hub around it. The
/// log, read models and migrations are registered as the hub registers them; what else the consumer needs,
/// the test registers.
/// </summary>
public sealed class ConsumerHarness<TConsumer> : IAsyncDisposable
    where TConsumer : class, IConsumer
{
    private readonly TempDirectory _data;
    private readonly ServiceProvider _services;

    internal ConsumerHarness(TempDirectory data, ServiceProvider services)
    {
        _data = data;
        _services = services;
        Harness = services.GetRequiredService<ITestHarness>();
        Log = services.GetRequiredService<IEventLog>();
    }

    public ITestHarness Harness { get; }

    public IEventLog Log { get; }

    public IServiceProvider Services => _services;

    /// <summary>
    /// Publishes <paramref name="page"/> as the relay does, as a message of its own, and waits until the consumer
    /// has handled it: finished, not merely received, and without a fault.
    /// </summary>
    public async Task PublishAsync(LogEntriesPublished page)
    {
        // The harness lists each message id once, so every page published here has its own.
        var id = NewId.NextGuid();
        await Harness.Bus.Publish(page, context => context.MessageId = id);
        IReceivedMessage<LogEntriesPublished>? handled = null;
        await foreach (var message in Harness.GetConsumerHarness<TConsumer>().Consumed.SelectAsync<LogEntriesPublished>(m => m.Context.MessageId == id))
        {
            handled = message;
            break;
        }

        Assert.That(handled, Is.Not.Null, $"{typeof(TConsumer).Name} handled the page");
        Assert.That(handled!.Exception, Is.Null, $"{typeof(TConsumer).Name} handled the page without a fault");
    }

    public async ValueTask DisposeAsync()
    {
        // The bus stops before the log it writes to is disposed with the rest of the container.
        if (Harness is IAsyncDisposable harness)
        {
            await harness.DisposeAsync();
        }

        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
