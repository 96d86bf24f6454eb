using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// Seeds the directory on first start, then keeps this hub's view of the agencies in step with the
/// database (another hub's administrator may have changed them).
/// </summary>
public sealed class DirectorySync(DirectoryCommands commands, DirectoryStore store, AgencyDirectory agencies, AuthOptions auth, ILogger<DirectorySync> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the hub takes requests: sign-in needs the seeded users.
        await commands.SeedAsync(auth, cancellationToken);
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    HubLog.DirectoryRefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
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
}
