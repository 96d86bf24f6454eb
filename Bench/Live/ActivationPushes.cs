using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Bench.Live;

/// <summary>
/// The entries the hub pushes to the agencies for one of S9's reports, built from the log's own records so they are
/// the hub's size: the routed agencies' alerts and, for an activating report, an alert for each task agency not routed
/// yet, the plan's activation and its tasks. Each agency's share is every entry from its own alert on, of the tasks only
/// its own: what <c>LogEntryFanoutConsumer</c> sends it. The bare baseline of S9 (<see cref="BareActivation"/>) pushes these.
/// </summary>
internal sealed class ActivationPushes
{
    private ActivationPushes(string[] groups, LogEntry[] entries, string?[] ownAgency)
    {
        Groups = groups;
        Entries = entries;
        OwnAgency = ownAgency;
    }

    /// <summary>The agencies alerted, in the order of their alerts (the first <c>Groups.Length</c> entries).</summary>
    public string[] Groups { get; }

    /// <summary>Everything the agencies see of the incident, in log order.</summary>
    public LogEntry[] Entries { get; }

    /// <summary>Per entry, the one agency it goes to (a task), or null when every agency alerted before it sees it.</summary>
    public string?[] OwnAgency { get; }

    /// <summary>
    /// A Severe flood routed to <paramref name="routed"/> (<paramref name="tasks"/> empty), or an Extreme one that also
    /// activates a plan of <paramref name="tasks"/>, each the agency of one task in plan order.
    /// </summary>
    public static ActivationPushes For(Guid incidentId, long firstPosition, string[] routed, string[] tasks)
    {
        ArgumentNullException.ThrowIfNull(routed);
        ArgumentNullException.ThrowIfNull(tasks);
        var at = DateTimeOffset.UtcNow;
        var activating = tasks.Length > 0;
        var severity = activating ? Severity.Extreme : Severity.Severe;
        var groups = routed.Concat(tasks.Where(a => !routed.Contains(a)).Distinct()).ToArray();
        var entries = new List<(object Data, string Type, string Actor, string? Own)>();
        entries.AddRange(groups.Select((agency, i) => ((object)new AgencyAlerted(
            incidentId, agency, HazardType.Flood, severity, "benghazi", "فيضان 123", i < routed.Length ? "bench-benghazi" : "plan:bench-activation",
            at, at.AddMinutes(2), false), EventTypes.AgencyAlerted, i < routed.Length ? "routing" : "plans", (string?)null)));
        if (activating)
        {
            entries.Add((new PlanActivated(incidentId, "bench-activation", Guid.CreateVersion7(), 1, "خطة قياس التفعيل", "Activation bench plan",
                PlanTrigger.Report, "plans", at, null, [], false), EventTypes.PlanActivated, "plans", null));
            entries.AddRange(tasks.Select((agency, i) => ((object)new TaskAssigned(
                incidentId, "bench-activation", $"task-{i:00}", agency, $"مهمة {i}", $"Task {i}", at, at.AddMinutes(30 + i),
                [new ChecklistItem("خطوة أولى", "First step"), new ChecklistItem("خطوة ثانية", "Second step")], null, null, false),
                EventTypes.TaskAssigned, "plans", (string?)agency)));
        }

        var causation = Guid.CreateVersion7();
        var logged = entries.Select((e, i) => new LogEntry(
            firstPosition + i,
            incidentId,
            i + 2,
            Guid.CreateVersion7(),
            e.Type,
            JsonSerializer.SerializeToElement(e.Data, e.Data.GetType(), ContractJson.Options),
            new EntryMetadata(e.Actor, "moi-duty", causation, causation, false),
            at)).ToArray();
        return new ActivationPushes(groups, logged, [.. entries.Select(e => e.Own)]);
    }

    /// <summary>What <paramref name="groupIndex"/>'s agency is pushed: every entry from its alert on, of the tasks only its own.</summary>
    public static LogEntry[] ShareOf(int groupIndex, string group, LogEntry[] entries, string?[] ownAgency) =>
        [.. entries.Skip(groupIndex).Where((_, i) => ownAgency[groupIndex + i] is null || ownAgency[groupIndex + i] == group)];
}
