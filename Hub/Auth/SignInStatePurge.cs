using Coordination.Hub.Security;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Auth;

/// <summary>
/// Deletes sign-in state that serves no more, at start and every <see cref="Interval"/> on every hub (a second hub
/// purging the same rows deletes nothing): refresh tokens that have expired, and failed sign-ins older than
/// <see cref="SecurityOptions.LockoutDuration"/>. Without it each sign-in left a row with its user's name for ever, and
/// a failure its client address and the name tried until the next failure anywhere. The work is bounded:
/// <see cref="BatchSize"/> refresh tokens a statement, each its own short write, at most <see cref="MostBatches"/> a
/// run, and what is left waits for the next; failures are pruned at every failure too, so few are ever old. A used
/// refresh token is kept until it expires, so its reuse still ends the session.
/// </summary>
public sealed class SignInStatePurge(AccountStore accounts, SignInFailureStore failures, SecurityOptions security, TimeProvider time, ILogger<SignInStatePurge> logger) : BackgroundService
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
                var tokens = await PurgeRefreshTokensAsync(stoppingToken);
                var forgotten = await failures.ForgetOlderThanAsync(security.LockoutDuration, stoppingToken);
                if (tokens + forgotten > 0)
                {
                    HubLogMessages.SignInStatePurged(logger, tokens, forgotten);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLogMessages.SignInStatePurgeFailed(logger, ex);
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    /// <summary>Deletes the expired refresh tokens, up to <see cref="BatchSize"/> times <see cref="MostBatches"/>; returns how many.</summary>
    public async Task<int> PurgeRefreshTokensAsync(CancellationToken cancellationToken)
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
