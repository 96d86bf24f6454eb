using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Features.Routing;

/// <summary>
/// The routing rules' stream of the log: each entry is a whole version of the rules (who, when, why), the latest is
/// in force on every hub, and the stream is their history. A rules file is only import and export now: the first
/// start imports <see cref="RoutingOptions.RulesPath"/> (or the sample rules) as version 1.
/// </summary>
public sealed class RoutingRulesLog(IEventLog log, RoutingRulesProvider provider, AgencyDirectory agencies, IOptions<RoutingOptions> options, TimeProvider time, ILogger<RoutingRulesLog> logger)
{
    private static readonly Guid Seed = new("5eed5eed-0000-4000-8000-0000000a0e7e");

    /// <summary>Every version, oldest first, with its entry's position.</summary>
    public async Task<IReadOnlyList<(long Position, RoutingRulesChanged Rules)>> VersionsAsync(CancellationToken cancellationToken) =>
        (await log.ReadIncidentAsync(SystemStreams.Routing, cancellationToken))
            .Where(e => e.Type == EventTypes.RoutingRulesChanged)
            .Select(e => (e.Position, e.DataAs<RoutingRulesChanged>()))
            .ToArray();

    /// <summary>Takes the latest version from the log into force on this hub.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if ((await VersionsAsync(cancellationToken)) is [.., var (_, latest)])
        {
            provider.Offer(latest);
        }
    }

    /// <summary>Appends a new version of the rules, made by <paramref name="caller"/>, and puts it in force here at once.</summary>
    /// <remarks>
    /// <paramref name="expectedVersion"/> is the version the change was made from; another change since is a conflict
    /// (409). <paramref name="eventId"/> makes a resent change land once.
    /// </remarks>
    public async Task<(int Version, long Position)> ChangeAsync(Caller caller, IReadOnlyList<RoutingRule> rules, string reason, int expectedVersion, Guid eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var changed = new RoutingRulesChanged(expectedVersion + 1, RoutingRuleSet.Of(expectedVersion + 1, rules, agencies).Rules, caller.UserName, reason, time.GetUtcNow());
        var appended = await log.AppendAsync(SystemStreams.Routing, expectedVersion, [Events.Create(eventId, EventTypes.RoutingRulesChanged, changed, caller, false)], cancellationToken);
        if (!appended.WasDuplicate)
        {
            provider.Offer(changed);
        }

        return (appended.LastVersion, appended.LastPosition);
    }

    /// <summary>
    /// First start (no rules in the log yet): imports the rules file, or the sample rules, as version 1. A rule may
    /// name an agency an administrator has yet to register (a file prepared with the deployment): it is logged, and
    /// the agency is alerted from the moment it is registered. Later starts put the log's latest version in force.
    /// </summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await VersionsAsync(cancellationToken)) is [.., var (_, latest)])
        {
            // Every later start: the rules in force are the log's latest, before the first report is taken.
            provider.Offer(latest);
            return;
        }

        var path = options.Value.RulesPath;
        var fromFile = File.Exists(path);
        // A broken file stops the first start: the operator must see it at once, not find alerts missing later.
        var (rules, unknownAgencies) = RoutingRuleSet.ParseFile(fromFile ? await File.ReadAllTextAsync(path, cancellationToken) : RoutingRuleSet.SampleJson(), agencies);
        // The descriptions as an edit's are checked: a file is no way round the rule for hidden characters.
        if (RuleSetValidation.TextProblems(rules).ToArray() is { Length: > 0 } textProblems)
        {
            throw new RoutingRulesException("The routing rules have problems: "
                + string.Join("; ", textProblems.Select(p => p.Message.English.Replace("{PropertyName}", p.Field, StringComparison.Ordinal))));
        }

        foreach (var unknown in unknownAgencies)
        {
            HubLogMessages.RoutingRuleNamesUnknownAgency(logger, unknown);
        }

        var seeder = new Caller("seed", Role.Administrator, "moi-duty");
        var reason = fromFile ? $"Imported from {Path.GetFileName(path)} at the first start." : "The sample rules, at the first start.";
        try
        {
            // The same event id on every hub: two hubs starting together import once.
            await ChangeAsync(seeder, rules, reason, 0, DerivedEventId.Create(Seed, "routing:1"), cancellationToken);
            HubLogMessages.RoutingRulesImported(logger, rules.Count, reason);
        }
        catch (ConcurrencyConflictException)
        {
            // Another hub imported first; its version is the one in force.
        }

        await RefreshAsync(cancellationToken);
    }
}
