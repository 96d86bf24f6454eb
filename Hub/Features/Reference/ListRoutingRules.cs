using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Reference;

/// <summary>The routing rules in force: which agencies an incident alerts, by hazard, minimum severity and district.</summary>
public sealed class ListRoutingRules(RoutingRulesProvider rules) : ListOf<RoutingRule>(Policies.SignedIn, () => rules.Current.Rules);
