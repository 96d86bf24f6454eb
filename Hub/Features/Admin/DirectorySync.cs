using Coordination.Dispatch.Plans;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Routing;
using Coordination.Hub.Realtime;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// Seeds the directory, the routing rules, the sample risk register, the sample contingency plan, the sample agencies' holdings and the sample exercise scenarios on first start, then keeps this hub's
/// view of the agencies, accounts, rules and plans in step with the database (another hub's administrator may have changed them; the
/// bus usually tells sooner).
/// </summary>
public sealed class DirectorySync(DirectorySeed seed, DirectoryEntries directory, EndedSessions sessions, RoutingRulesLog routing, Register.RegisterSeed register,
    Plans.PlanSeed plans, Capabilities.CapabilitySeed capabilities, Exercises.ScenarioSeed scenarios, PlanLibrary library, AuthOptions auth, ILogger<DirectorySync> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the hub takes requests: sign-in needs the seeded users.
        await seed.SeedAsync(auth, cancellationToken);
        await directory.RefreshAgenciesAsync(cancellationToken);
        await sessions.DirectoryChangedAsync(cancellationToken);
        // After the agencies: the first rules are checked against them.
        await routing.SeedAsync(cancellationToken);
        await register.SeedAsync(cancellationToken);
        // After the register: a plan names the risks it answers. In force before the first report.
        await plans.SeedAsync(cancellationToken);
        // After the agencies: each sample agency's holdings.
        await capabilities.SeedAsync(cancellationToken);
        await library.RefreshAsync(cancellationToken);
        // After the plans: a scenario's expected actions name them.
        await scenarios.SeedAsync(cancellationToken);
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
                    await directory.RefreshAgenciesAsync(stoppingToken);
                    await sessions.DirectoryChangedAsync(stoppingToken);
                    await routing.RefreshAsync(stoppingToken);
                    await library.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    HubLogMessages.DirectoryRefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
