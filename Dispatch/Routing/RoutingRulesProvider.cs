using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;

namespace Coordination.Dispatch.Routing;

/// <summary>
/// The routing rules in force on this hub: the latest version on the log's routing stream. Every hub takes each
/// new version as soon as it reads it (from the bus, or its periodic re-read), and never goes back to an older one,
/// so two hubs cannot keep routing by different rules and a restart starts from the same version.
/// </summary>
public sealed class RoutingRulesProvider(AgencyDirectory agencies)
{
    private RoutingRuleSet _current = RoutingRuleSet.None(agencies);

    /// <summary>The rules in force.</summary>
    public RoutingRuleSet Current => Volatile.Read(ref _current);

    /// <summary>Takes <paramref name="changed"/> when it is newer than the rules in force; returns whether it did.</summary>
    public bool Offer(RoutingRulesChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var next = RoutingRuleSet.Of(changed.Version, changed.Rules, agencies);
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (next.Version <= current.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _current, next, current) == current)
            {
                return true;
            }
        }
    }
}
