using System.Diagnostics;
using Coordination.Persistence.Checkpoints;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Leases;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Dispatch.Relay;

/// <summary>
/// The log is the outbox: this relay publishes every entry after its checkpoint to the bus, in position
/// order (a page of entries per message, <see cref="LogEntriesPublished"/>). The checkpoint follows what
/// was published, saved beside the publishing at most every <see cref="RelayOptions.CheckpointInterval"/>
/// and at stop, so a crash republishes what was published since the last save (at-least-once); consumers
/// and clients de-duplicate by event id and position. With several hubs, only the holder of the relay
/// lease publishes; another takes over when the holder stops renewing it.
/// </summary>
public sealed class LogRelay(
    IEventLog log,
    CheckpointStore checkpoints,
    LeaseStore leases,
    AppendSignal signal,
    IBusControl bus,
    IOptions<RelayOptions> options,
    TimeProvider time,
    ILogger<LogRelay> logger,
    RoutingProgress? routingProgress = null,
    DispatchTelemetry? telemetry = null) : BackgroundService
{
    public const string CheckpointName = "relay";
    public const string LeaseName = "relay";

    private readonly PositionCheckpoint _checkpoint = new(checkpoints, CheckpointName, logger);

    /// <summary>This instance's name in the lease table.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The last position this relay has published (its checkpoint follows within <see cref="RelayOptions.CheckpointInterval"/>).</summary>
    public long PublishedPosition => _checkpoint.Position;

    /// <summary>True while this instance holds the lease and publishes.</summary>
    public bool IsPublisher { get; private set; }

    /// <summary>True while publishing fails (the broker is unreachable).</summary>
    public bool IsFaulted { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing before the consumers' queues are bound would drop entries on the floor.
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        var settings = options.Value;
        var renewEvery = settings.LeaseDuration / 3;
        var saving = _checkpoint.SaveWhileMovingAsync(settings.CheckpointInterval, SaveCheckpointAsync, stoppingToken);
        try
        {
            await PublishAsync(settings, renewEvery, stoppingToken);
        }
        finally
        {
            await saving;
        }
    }

    private async Task PublishAsync(RelayOptions settings, TimeSpan renewEvery, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await leases.TryAcquireAsync(LeaseName, Holder, settings.LeaseDuration, stoppingToken))
                {
                    IsPublisher = false;
                    telemetry?.Publishing(holdsLease: false, PublishedPosition);
                    await Task.Delay(renewEvery, time, stoppingToken);
                    continue;
                }

                IsPublisher = true;
                await PublishWhileHoldingAsync(settings, renewEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The log keeps everything; the relay resumes from its checkpoint once the fault clears.
                IsFaulted = true;
                DispatchLogMessages.RelayFailed(logger, PublishedPosition, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task PublishWhileHoldingAsync(RelayOptions settings, TimeSpan renewEvery, CancellationToken stoppingToken)
    {
        var checkpoint = await checkpoints.LoadAsync(CheckpointName, stoppingToken);
        if (routingProgress is not null)
        {
            // In-memory bus: republish what routing may not have finished before a crash.
            checkpoint = Math.Min(checkpoint, await checkpoints.LoadAsync(RoutingProgress.CheckpointName, stoppingToken));
        }

        _checkpoint.StartFrom(checkpoint);
        telemetry?.Publishing(holdsLease: true, checkpoint);
        var renewAt = time.GetUtcNow() + renewEvery;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (time.GetUtcNow() >= renewAt)
            {
                if (!await leases.TryAcquireAsync(LeaseName, Holder, settings.LeaseDuration, stoppingToken))
                {
                    IsPublisher = false; // Someone else took over while this instance was stalled.
                    telemetry?.Publishing(holdsLease: false, checkpoint);
                    return;
                }

                renewAt = time.GetUtcNow() + renewEvery;
            }

            var batch = await log.ReadTailAfterAsync(checkpoint, settings.BatchSize, stoppingToken);
            if (batch.Count == 0)
            {
                await signal.WaitAsync(settings.PollInterval < renewEvery ? settings.PollInterval : renewEvery, stoppingToken);
                continue;
            }

            // A publish that hangs on a broker that went away is abandoned and retried from the checkpoint.
            // One message per page, awaited before the next, keeps the bus order equal to the log order.
            // WaitAsync: a publish caught in a broker reconnection may not honour its token, and must not
            // wedge the relay (or the hub's shutdown).
            telemetry?.Read(batch[^1].Position);
            // Lines logged while the page is published (a failing broker) name the positions it carries.
            using var scope = LogScopes.ForPage(logger, batch);
            var started = Stopwatch.GetTimestamp();
            using (var publishing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            // The page's own span, linked to the appends that wrote its entries; MassTransit's publish span is its child.
            using (var activity = telemetry is null ? null : StartPublishActivity(batch, telemetry))
            {
                publishing.CancelAfter(settings.PublishTimeout);
                await bus.Publish(new LogEntriesPublished(batch), publishing.Token).WaitAsync(publishing.Token);
            }

            checkpoint = batch[^1].Position;
            telemetry?.Published(checkpoint, Stopwatch.GetElapsedTime(started));
            _checkpoint.Reached(checkpoint);
            IsFaulted = false;
        }
    }

    private static Activity? StartPublishActivity(IReadOnlyList<Coordination.Agencies.Contracts.Log.LogEntry> batch, DispatchTelemetry telemetry)
    {
        if (!DispatchTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = DispatchTelemetry.Source.StartActivity("relay.publish", ActivityKind.Producer, parentContext: default,
            links: telemetry.Links(batch));
        activity?.SetTag("coordination.position.first", batch[0].Position);
        activity?.SetTag("coordination.position.last", batch[^1].Position);
        activity?.SetTag("coordination.entries", batch.Count);
        return activity;
    }

    /// <summary>
    /// Saves how far the relay has published, every <see cref="RelayOptions.CheckpointInterval"/> beside the
    /// publishing rather than between its pages. Saved after every page, the checkpoint was a write transaction
    /// hundreds of times a second, each waiting for SQLite's write lock while the log's group commit held it;
    /// SQLite's wait backs off in sleeps of 5, 10, 25 ms, and no page was published while the relay slept (a
    /// trace of the hub at 100 incidents/s counted 612 such sleeps, 2.4 s of them in 15 s). Only the lease's
    /// holder saves.
    /// </summary>
    private Task SaveCheckpointAsync(CancellationToken cancellationToken)
    {
        if (IsPublisher)
        {
            return _checkpoint.SaveAsync(cancellationToken);
        }

        // A relay that lost its lease with its last pages unsaved does not save them, and must not be woken for them
        // every interval until it holds the lease again.
        _checkpoint.Disown();
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (IsPublisher)
        {
            await SaveCheckpointAsync(cancellationToken);
            // Hand over at once instead of making the next hub wait for the lease to expire.
            await leases.ReleaseAsync(LeaseName, Holder, cancellationToken);
            IsPublisher = false;
        }
    }
}
