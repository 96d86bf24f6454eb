using Coordination.Persistence.Checkpoints;
using Coordination.Persistence.EventLog;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Dispatch.Relay;

/// <summary>
/// The log is the outbox: this relay publishes every entry after its checkpoint to the bus, in position
/// order, then moves the checkpoint. A crash between publish and checkpoint republishes a few entries
/// (at-least-once); consumers and clients de-duplicate by event id and position.
/// </summary>
public sealed class LogRelay(
    IEventLog log,
    CheckpointStore checkpoints,
    AppendSignal signal,
    IBusControl bus,
    IOptions<RelayOptions> options,
    ILogger<LogRelay> logger) : BackgroundService
{
    public const string CheckpointName = "relay";

    private long _published;

    /// <summary>The last position this relay has published and checkpointed.</summary>
    public long PublishedPosition => Interlocked.Read(ref _published);

    /// <summary>True while publishing fails (the broker is unreachable).</summary>
    public bool IsFaulted { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Publishing before the consumers' queues are bound would drop entries on the floor.
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var checkpoint = await checkpoints.LoadAsync(CheckpointName, stoppingToken);
                Interlocked.Exchange(ref _published, checkpoint);
                while (!stoppingToken.IsCancellationRequested)
                {
                    var batch = await log.ReadAfterAsync(checkpoint, settings.BatchSize, stoppingToken);
                    if (batch.Count == 0)
                    {
                        await signal.WaitAsync(settings.PollInterval, stoppingToken);
                        continue;
                    }

                    foreach (var entry in batch)
                    {
                        // Sequential awaits keep the bus order equal to the log order.
                        await bus.Publish(entry, stoppingToken);
                    }

                    checkpoint = batch[^1].Position;
                    await checkpoints.SaveAsync(CheckpointName, checkpoint, stoppingToken);
                    Interlocked.Exchange(ref _published, checkpoint);
                    IsFaulted = false;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The log keeps everything; the relay resumes from its checkpoint once the fault clears.
                IsFaulted = true;
                DispatchLog.RelayFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
