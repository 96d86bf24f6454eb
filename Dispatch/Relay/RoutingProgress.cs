using Coordination.Persistence.Checkpoints;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coordination.Dispatch.Relay;

/// <summary>
/// On the in-memory bus a message published but not yet consumed dies with the process, so the relay's
/// checkpoint alone would let a crash lose a report's routing. The routing consumer (one message at a
/// time, in log order) records how far it has got; on start the relay republishes from the lower of the
/// two checkpoints. Routing is idempotent and clients drop positions they have, so the overlap is harmless.
/// RabbitMQ keeps unconsumed messages in a durable queue and does not need this. A save that fails (a full
/// disk, a locked file) is logged and tried again at the next interval: it must not stop the hub, whose
/// routing goes on regardless.
/// </summary>
public sealed class RoutingProgress(CheckpointStore checkpoints, ILogger<RoutingProgress> logger) : BackgroundService
{
    public const string CheckpointName = "routing";

    private readonly PositionCheckpoint _checkpoint = new(checkpoints, CheckpointName, logger);

    /// <summary>Everything up to <paramref name="position"/> has been routed.</summary>
    public void Handled(long position) => _checkpoint.Reached(position);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _checkpoint.StartFrom(Math.Max(_checkpoint.Position, await checkpoints.LoadAsync(CheckpointName, stoppingToken)));
        await _checkpoint.SaveWhileMovingAsync(TimeSpan.FromMilliseconds(250), _checkpoint.SaveAsync, stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _checkpoint.SaveAsync(cancellationToken);
    }
}
