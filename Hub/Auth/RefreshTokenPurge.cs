using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Auth;

/// <summary>
/// Deletes the refresh tokens that have expired, at start and every <see cref="Interval"/> on every hub (a second hub
/// purging the same rows deletes nothing). Without it each sign-in left a row, with its user's name, for ever. The work
/// is bounded: <see cref="BatchSize"/> rows a statement, each its own short write, at most <see cref="MostBatches"/> a
/// run; what is left waits for the next. A used token is kept until it expires, so its reuse still ends the session.
/// </summary>
public sealed class RefreshTokenPurge(AccountStore accounts, TimeProvider time, ILogger<RefreshTokenPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public const int BatchSize = 1000;

    public const int MostBatches = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                if (await PurgeAsync(stoppingToken) is > 0 and var purged)
                {
                    HubLogMessages.RefreshTokensPurged(logger, purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLogMessages.RefreshTokenPurgeFailed(logger, ex);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>Deletes the expired refresh tokens, up to <see cref="BatchSize"/> times <see cref="MostBatches"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        for (var batch = 0; batch < MostBatches; batch++)
        {
            var deleted = await accounts.PurgeExpiredRefreshTokensAsync(BatchSize, cancellationToken);
            purged += deleted;
            if (deleted < BatchSize)
            {
                break;
            }
        }

        return purged;
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
