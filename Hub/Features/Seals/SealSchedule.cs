namespace Coordination.Hub.Features.Seals;

/// <summary>
/// Seals the log every <see cref="SealOptions.Interval"/> on the hub's clock, when anything but seals was appended
/// since the last seal. Every hub runs it; the seals stream's version makes one seal of a moment, whichever hub is first.
/// </summary>
public sealed class SealSchedule(LogSealer sealer, SealOptions options, TimeProvider time, ILogger<SealSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Interval, time);
        while (true)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await sealer.SealAsync(onlyIfMoved: true, LogSealer.Actor, "moi-duty", stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLogMessages.SealFailed(logger, ex);
            }
        }
    }
}
