using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// Seeds the directory on first start, then keeps this hub's view of the agencies in step with the
/// database (another hub's administrator may have changed them).
/// </summary>
public sealed class DirectorySync(DirectoryCommands commands, DirectoryStore store, AgencyDirectory agencies, AuthOptions auth, ILogger<DirectorySync> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _refreshing;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the hub takes requests: sign-in needs the seeded users.
        await commands.SeedAsync(auth, cancellationToken);
        await RefreshAsync(cancellationToken);
        _refreshing = RefreshForeverAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_refreshing is not null)
        {
            await _refreshing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RefreshForeverAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await RefreshAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLog.DirectoryRefreshFailed(logger, ex);
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var rows = await store.AgenciesAsync(cancellationToken);
        if (rows.Count > 0)
        {
            agencies.Replace(rows.Select(a => new Agency(a.Code, a.NameAr, a.NameEn, a.Kind)));
        }
    }

    public void Dispose() => _stopping.Dispose();
}
