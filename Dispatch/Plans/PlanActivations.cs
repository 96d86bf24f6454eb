using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Microsoft.Extensions.Options;

namespace Coordination.Dispatch.Plans;

/// <summary>How an activation is made: by what, by whom, why, from which entry, and when.</summary>
/// <param name="Trigger">What activated the plans.</param>
/// <param name="Actor">Who is recorded: <see cref="PlanActivations.Actor"/> when the incident met the criteria.</param>
/// <param name="ActorAgency">Their agency.</param>
/// <param name="Reason">Why, for an activation by hand.</param>
/// <param name="SourceEventId">The entry that caused it (the report, the update, the command); the entries' ids derive from it.</param>
/// <param name="CorrelationId">The correlation id the entries carry.</param>
/// <param name="At">When; tasks are due from it.</param>
/// <param name="ActivationEventId">The PlanActivated entry's own id when it is a command's (its idempotency key); derived otherwise.</param>
public sealed record Activation(PlanTrigger Trigger, string Actor, string ActorAgency, string? Reason, Guid SourceEventId, Guid CorrelationId, DateTimeOffset At, Guid? ActivationEventId = null);

/// <summary>
/// Decides what activating plans on an incident appends, for every way a plan activates (a report, an update raising
/// the severity, a command), so all decide alike: an AgencyAlerted for each agency a plan gives a task or names to
/// alert that is not alerted yet (first, so its liaisons receive what follows), then per plan a PlanActivated and one
/// TaskAssigned per task, due at the activation plus the task's offset. Every id derives from the entry that caused
/// the activation, so a retried report or update stores nothing twice.
/// </summary>
/// <remarks>
/// A restricted incident is shown only to the agencies the duty office cleared for it: a plan alerts nobody more on
/// it, and a task of an agency not cleared is withheld (named in the PlanActivated entry) rather than assigned.
/// </remarks>
public sealed class PlanActivations(PlanLibrary library, IOptions<AlertOptions> alertOptions)
{
    /// <summary>The actor an activation by criteria is recorded under.</summary>
    public const string Actor = "plans";

    /// <summary>The rule id on an alert raised by a plan: <c>plan:&lt;code&gt;</c>.</summary>
    public const string RulePrefix = "plan:";

    /// <summary>The entries that activate every plan in force whose criteria the incident meets and that is not active on it yet.</summary>
    public IReadOnlyList<NewEvent> ForCriteria(IncidentFacts incident, Activation how)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var plans = library.Meeting(incident.Hazard, incident.Severity, incident.District).Where(p => !incident.ActivePlans.Contains(p.Plan.Code)).ToArray();
        return plans.Length == 0 ? [] : Activate(plans, incident, how);
    }

    /// <summary>The entries that activate <paramref name="plans"/> (none of them active on the incident) on it.</summary>
    public IReadOnlyList<NewEvent> Activate(IReadOnlyList<PlanInForce> plans, IncidentFacts incident, Activation how)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(how);
        var restricted = incident.Classification == Classification.Restricted;
        var alerted = new HashSet<string>(incident.Alerted, StringComparer.Ordinal);
        var alerts = new List<NewEvent>();
        var activations = new List<NewEvent>();
        foreach (var (plan, version) in plans)
        {
            if (!restricted)
            {
                // An exercise's plan alerts only the agencies in play; the others' tasks are withheld, as for a restricted incident.
                foreach (var agency in plan.Tasks.Select(t => t.Agency).Concat(plan.AlsoAlert).Where(incident.InPlay).Where(alerted.Add))
                {
                    alerts.Add(Alert(agency, plan.Code, incident, how));
                }
            }

            var assigned = plan.Tasks.Where(t => alerted.Contains(t.Agency)).ToArray();
            activations.Add(Create(how.ActivationEventId ?? DerivedEventId.Create(how.SourceEventId, "plan:" + plan.Code), EventTypes.PlanActivated,
                new PlanActivated(incident.IncidentId, plan.Code, plan.PlanId, version, plan.TitleAr, plan.TitleEn, how.Trigger, how.Actor, how.At, how.Reason,
                    [.. plan.Tasks.Except(assigned).Select(t => t.TaskId)], incident.IsExercise), incident, how));
            activations.AddRange(assigned.Select(t => Create(
                DerivedEventId.Create(how.SourceEventId, $"plan:{plan.Code}:task:{t.TaskId}"),
                EventTypes.TaskAssigned,
                new TaskAssigned(incident.IncidentId, plan.Code, t.TaskId, t.Agency, t.TitleAr, t.TitleEn, how.At, how.At.AddMinutes(t.DueAfterMinutes),
                    t.Checklist, t.Capability, t.Quantity, incident.IsExercise),
                incident,
                how)));
        }

        return [.. alerts, .. activations];
    }

    private NewEvent Alert(string agency, string planCode, IncidentFacts incident, Activation how) => Create(
        DerivedEventId.Create(how.SourceEventId, "plan-alert:" + agency),
        EventTypes.AgencyAlerted,
        new AgencyAlerted(incident.IncidentId, agency, incident.Hazard, incident.Severity, incident.District, incident.Title, RulePrefix + planCode,
            how.At, how.At + alertOptions.Value.AcknowledgeWithin(incident.Severity), incident.IsExercise),
        incident,
        how);

    // Caused by the source entry; a command's own PlanActivated is the source itself, caused by nothing before it.
    private static NewEvent Create<T>(Guid eventId, string type, T data, IncidentFacts incident, Activation how) =>
        new(eventId, type, JsonSerializer.Serialize(data, ContractJson.Options),
            new EntryMetadata(how.Actor, how.ActorAgency, how.CorrelationId, eventId == how.SourceEventId ? null : how.SourceEventId, incident.IsExercise, incident.Exercise?.ExerciseId));
}
