using Coordination.Hub.Security;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// Writes the restricted-access audit's counted reads as their windows close (checked ten times a window, at
/// least a second apart), and all of them when the hub stops, so no count is lost with the process.
/// </summary>
public sealed class RestrictedAccessAuditFlush(RestrictedAccessAudit audit, SecurityOptions options, TimeProvider time, ILogger<RestrictedAccessAuditFlush> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromTicks(Math.Max(options.RestrictedAccessAuditWindow.Ticks / 10, TimeSpan.TicksPerSecond));
        using var timer = new PeriodicTimer(every, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await audit.WriteClosedWindowsAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLogMessages.AuditWriteFailed(logger, ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await audit.WriteClosedWindowsAsync(stopping: true);
        }
        catch (ObjectDisposedException ex)
        {
            // A host torn down while it stops (its services disposed under it) leaves no log to write to: said, not
            // thrown, so the rest of the stop goes on.
            HubLogMessages.AuditNotWrittenAtStop(logger, ex);
        }
    }
}
