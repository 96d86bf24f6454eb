using Coordination.Agencies.Contracts.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Routing;

/// <summary>
/// The rules in force with their version, who set them, when and why: the export, and the starting point of an
/// edit (send <c>rules</c> back with <c>expectedVersion</c> = <c>version</c>). <c>{"rules": [...]}</c> is also the
/// format of a rules file imported at the first start.
/// </summary>
public sealed class ExportRoutingRules(RoutingRulesLog stream) : IUseCase<ExportRoutingRules.Query, ExportRoutingRules.Export>
{
    public sealed record Query;

    /// <param name="Version">0 when no rules have been set.</param>
    /// <param name="Rules">The rules in force, in the order they are applied.</param>
    /// <param name="ChangedBy">Who set them.</param>
    /// <param name="ChangedAt">When.</param>
    /// <param name="Reason">Why.</param>
    public sealed record Export(int Version, IReadOnlyList<RoutingRule> Rules, string? ChangedBy, DateTimeOffset? ChangedAt, string? Reason);

    public Policy Policy => Policies.ManageDirectory;

    public async Task<Export> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) =>
        (await stream.VersionsAsync(cancellationToken)) is [.., var (_, latest)]
            ? new Export(latest.Version, latest.Rules, latest.By, latest.ChangedAt, latest.Reason)
            : new Export(0, [], null, null, null);
}
