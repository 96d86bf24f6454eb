using Coordination.Hub.Realtime;
using MassTransit;

namespace Coordination.Hub.Presence;

/// <summary>
/// Publishes this hub's <see cref="PresenceSnapshot"/> on the bus every <c>PresenceInterval</c>, and a moment after
/// a connection opens or closes (changes within <see cref="Debounce"/> go together, so a hundred clients
/// reconnecting after a restart are one message, not a hundred).
/// </summary>
public sealed class PresencePublisher(
    IBus bus,
    LiveConnections connections,
    ClusterPresence presence,
    RealtimeOptions options,
    TimeProvider time,
    ILogger<PresencePublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        connections.Changed += OnChanged;
        try
        {
            presence.Started();
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await bus.Publish(new PresenceSnapshot(presence.HubId, time.GetUtcNow(), connections.Snapshot()), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    HubLogMessages.PresencePublishFailed(logger, ex);
                }

                // The next interval, or sooner when a connection opens or closes.
                if (await _changed.WaitAsync(options.PresenceInterval, stoppingToken))
                {
                    await Task.Delay(Debounce, time, stoppingToken);
                    _changed.Wait(0, CancellationToken.None); // changes during the debounce go in this snapshot
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connections.Changed -= OnChanged;
        }
    }

    private void OnChanged()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the snapshot about to go out will hold this change too.
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }
}
