namespace Coordination.Agencies.Contracts.Routing;

/// <summary>
/// The whole routing rule set as it is from now on (recorded on the routing stream of the log): every hub routes
/// by the latest one, and the stream is the rules' history.
/// </summary>
/// <param name="Version">1 for the first set, then one more for each change.</param>
/// <param name="Rules">Every rule, in the order they are applied.</param>
/// <param name="By">The administrator (or "seed" for the rules imported at the first start).</param>
/// <param name="Reason">Why the rules changed.</param>
/// <param name="ChangedAt">When.</param>
public sealed record RoutingRulesChanged(int Version, IReadOnlyList<RoutingRule> Rules, string By, string Reason, DateTimeOffset ChangedAt);
