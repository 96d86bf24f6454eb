using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Exercises;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// The scenario library's side of the log, kept as plans are: each scenario a stream of its own (its id derived from its
/// code, so the same scenario entered twice at once lands once) whose entries each hold the whole scenario, who changed
/// it and why; the read model folds them in the same transaction. An exercise plays the version it was started with.
/// </summary>
public sealed class ScenarioLog(IEventLog log, ExerciseStore store, TimeProvider time)
{
    private static readonly Guid Namespace = new("5eed5eed-0000-4000-8000-00000000e8e1");

    /// <summary>The id a scenario entered with <paramref name="code"/> gets.</summary>
    public static Guid IdFor(string code) => DerivedEventId.Create(Namespace, "scenario:" + code);

    /// <summary>The scenario a version row holds.</summary>
    public static Scenario Read(ScenarioVersionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Deserialize<Scenario>(row.Data, ContractJson.Options) ?? throw new JsonException($"Scenario {row.ScenarioId} v{row.Version} has no data.");
    }

    /// <summary>The library as it stands: each scenario at its latest version, by code.</summary>
    public async Task<IReadOnlyList<ScenarioView>> LatestAsync(CancellationToken cancellationToken) =>
        [.. (await store.LatestScenariosAsync(cancellationToken)).Select(ScenarioView.From)];

    /// <summary>Every version of a scenario, oldest first; empty when there is no such scenario.</summary>
    public Task<IReadOnlyList<ScenarioVersionRow>> HistoryAsync(Guid scenarioId, CancellationToken cancellationToken) => store.ScenarioHistoryAsync(scenarioId, cancellationToken);

    /// <summary>One version of a scenario, as an exercise plays it; null when there is no such version.</summary>
    public async Task<Scenario?> VersionAsync(Guid scenarioId, int version, CancellationToken cancellationToken) =>
        (await store.ScenarioHistoryAsync(scenarioId, cancellationToken)).Where(v => v.Version == version).Select(Read).FirstOrDefault();

    /// <summary>
    /// Checks <paramref name="request"/> as a new scenario (<paramref name="current"/> null) or a change of one: a code no
    /// other scenario uses and that never changes. Returns the scenario to write, or null when nothing changes.
    /// </summary>
    public static Scenario? Decide(ScenarioRequest request, ScenarioView? current, IReadOnlyList<ScenarioView> library, string field = "")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(library);
        var scenario = request.ToScenario(current?.Scenario.ScenarioId ?? IdFor(request.Code!), current?.Scenario.IsSample ?? false);
        if (current is not null && current.Scenario.Code != scenario.Code)
        {
            throw new ValidationException([new ValidationFailure(field + "code", Invalid.ScenarioCodeFixed.ToString())]);
        }

        if (library.Any(s => s.Scenario.Code == scenario.Code && (current is null || s.Scenario.ScenarioId != scenario.ScenarioId)))
        {
            throw new ValidationException([new ValidationFailure(field + "code", Invalid.ScenarioCodeTaken(scenario.Code).ToString())]);
        }

        return current is not null && Same(current.Scenario, scenario) ? null : scenario;
    }

    /// <summary>
    /// Appends a version of <paramref name="scenario"/>: its first (<paramref name="expectedVersion"/> 0) or the next
    /// after that version; another change since is a conflict (409).
    /// </summary>
    public async Task<(int Version, long Position)> AppendAsync(Caller caller, Scenario scenario, string? reason, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(scenario);
        var now = time.GetUtcNow();
        reason = OptionalText.Kept(reason);
        var entry = expectedVersion == 0
            ? Events.Create(Guid.CreateVersion7(), EventTypes.ScenarioRecorded, new ScenarioRecorded(scenario, caller.UserName, reason, now), caller, false)
            : Events.Create(Guid.CreateVersion7(), EventTypes.ScenarioChanged, new ScenarioChanged(scenario, caller.UserName, reason, now), caller, false);
        try
        {
            var appended = await log.AppendAsync(scenario.ScenarioId, expectedVersion == 0 ? ExpectedVersion.NoStream : expectedVersion, [entry], cancellationToken);
            return (appended.LastVersion, appended.LastPosition);
        }
        catch (ConcurrencyConflictException)
        {
            // Said as the scenario's conflict, not the log's (which names a stream id and calls it an incident).
            throw Refuse.ScenarioChangedMeanwhile(scenario.Code, expectedVersion);
        }
    }

    // Records with lists compare the lists by reference; their JSON compares them by content.
    private static bool Same(Scenario a, Scenario b) =>
        JsonSerializer.Serialize(a, ContractJson.Options) == JsonSerializer.Serialize(b, ContractJson.Options);
}

/// <summary>A scenario as the library shows it: the scenario at one version, and who made that version when.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Version">Its version (1 when first entered); send it back as <c>expectedVersion</c> to change it.</param>
/// <param name="ChangedBy">Who made this version.</param>
/// <param name="ChangedAt">When.</param>
public sealed record ScenarioView(Scenario Scenario, int Version, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static ScenarioView From(ScenarioVersionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(ScenarioLog.Read(row), row.Version, row.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(row.RecordedAt));
    }
}
