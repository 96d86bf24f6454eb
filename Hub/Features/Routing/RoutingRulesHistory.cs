using Coordination.Agencies.Contracts.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Routing;

/// <summary>Every version of the routing rules, newest first: who, when, why, and what changed from the version before.</summary>
public sealed class RoutingRulesHistory(RoutingRulesLog stream) : IUseCase<RoutingRulesHistory.Query, IReadOnlyList<RoutingRulesHistory.Version>>
{
    public sealed record Query;

    /// <param name="Number">The version.</param>
    /// <param name="Position">Its entry's position in the log.</param>
    /// <param name="By">Who made it.</param>
    /// <param name="ChangedAt">When.</param>
    /// <param name="Reason">Why.</param>
    /// <param name="Rules">The whole set it put in force.</param>
    /// <param name="Added">Ids of rules new in this version.</param>
    /// <param name="Removed">Ids of rules this version dropped.</param>
    /// <param name="Changed">Ids of rules kept but edited (hazards, severity, districts, agencies, description or order).</param>
    public sealed record Version(int Number, long Position, string By, DateTimeOffset ChangedAt, string Reason, IReadOnlyList<RoutingRule> Rules,
        IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed);

    public Policy Policy => Policies.ManageDirectory;

    public async Task<IReadOnlyList<Version>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        var versions = await stream.VersionsAsync(cancellationToken);
        var history = new List<Version>(versions.Count);
        IReadOnlyList<RoutingRule> before = [];
        foreach (var (position, changed) in versions)
        {
            var old = before.Select((r, i) => (r, i)).ToDictionary(x => x.r.Id, StringComparer.Ordinal);
            var now = changed.Rules.Select((r, i) => (r, i)).ToDictionary(x => x.r.Id, StringComparer.Ordinal);
            history.Add(new Version(changed.Version, position, changed.By, changed.ChangedAt, changed.Reason, changed.Rules,
                [.. now.Keys.Where(id => !old.ContainsKey(id))],
                [.. old.Keys.Where(id => !now.ContainsKey(id))],
                [.. now.Where(n => old.TryGetValue(n.Key, out var o) && (o.i != n.Value.i || !Same(o.r, n.Value.r))).Select(n => n.Key)]));
            before = changed.Rules;
        }

        history.Reverse();
        return history;
    }

    private static bool Same(RoutingRule a, RoutingRule b) =>
        a.Description == b.Description && a.MinimumSeverity == b.MinimumSeverity
        && a.Hazards.SequenceEqual(b.Hazards) && a.Districts.SequenceEqual(b.Districts) && a.Agencies.SequenceEqual(b.Agencies);
}
