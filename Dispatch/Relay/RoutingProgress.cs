using Coordination.Persistence.Checkpoints;
using Microsoft.Extensions.Hosting;

namespace Coordination.Dispatch.Relay;

/// <summary>
/// On the in-memory bus a message published but not yet consumed dies with the process, so the relay's
/// checkpoint alone would let a crash lose a report's routing. The routing consumer (one message at a
/// time, in log order) records how far it has got; on start the relay republishes from the lower of the
/// two checkpoints. Routing is idempotent and clients drop positions they have, so the overlap is harmless.
/// RabbitMQ keeps unconsumed messages in a durable queue and does not need this.
/// </summary>
public sealed class RoutingProgress(CheckpointStore checkpoints) : BackgroundService
{
    public const string CheckpointName = "routing";

    private long _handled;
    private long _saved;

    /// <summary>Everything up to <paramref name="position"/> has been routed.</summary>
    public void Handled(long position)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _handled)) < position
               && Interlocked.CompareExchange(ref _handled, position, seen) != seen)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _saved = _handled = Math.Max(_handled, await checkpoints.LoadAsync(CheckpointName, stoppingToken));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SaveAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var handled = Interlocked.Read(ref _handled);
        if (handled > _saved)
        {
            await checkpoints.SaveAsync(CheckpointName, handled, cancellationToken);
            _saved = handled;
        }
    }
}
