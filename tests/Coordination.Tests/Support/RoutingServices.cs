using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Bus;
using Coordination.Dispatch.Reports;
using Coordination.Dispatch.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>
/// What the routing consumer and its definition need, as Dispatch registers them, with the sample routing rules in
/// force; no relay, no escalation, no plans (a fixture that wants plans adds their library and activations).
/// </summary>
public static class RoutingServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<AlertOptions>();
        services.AddSingleton(new BusOptions());
        services.AddSingleton(AgencyDirectory.LoadSample());
        services.AddOptions<RoutingOptions>();
        services.AddSingleton(sp =>
        {
            var agencies = sp.GetRequiredService<AgencyDirectory>();
            var provider = new RoutingRulesProvider(agencies);
            provider.Offer(new RoutingRulesChanged(1, RoutingRuleSet.ParseFile(RoutingRuleSet.SampleJson(), agencies).Rules, "seed", "sample", DateTimeOffset.UtcNow));
            return provider;
        });
        services.AddSingleton<AlertPlanner>();
        services.AddSingleton<ResentEvents>();
        services.AddSingleton<ReportWithAlerts>();
    }
}
