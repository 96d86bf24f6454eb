using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Register;
using Coordination.Persistence.EventLog;

namespace Coordination.Tests.Support;

/// <summary>Events as the hub writes them, for tests that talk to the log directly.</summary>
public static class SampleEvents
{
    private static readonly DateTimeOffset At = new(2026, 9, 10, 23, 0, 0, TimeSpan.Zero);

    public static NewEvent Reported(Guid incidentId, string title = "فيضان في درنة", string district = "derna", Guid? eventId = null) =>
        Create(eventId ?? Guid.NewGuid(), EventTypes.IncidentReported, new IncidentReported(
            incidentId, HazardType.Flood, CapCategory.Met, Severity.Extreme, Urgency.Immediate, Certainty.Observed,
            title, "وصف <b>غامق</b> '; DROP TABLE event_log; --", new IncidentLocation(district, "درنة", 32.76, 22.64),
            At, Classification.Public, [], false, "duty.operator", At));

    public static NewEvent Alerted(Guid incidentId, string agency, Guid? eventId = null, string ruleId = "natural-disaster") =>
        Create(eventId ?? Guid.NewGuid(), EventTypes.AgencyAlerted, new AgencyAlerted(
            incidentId, agency, HazardType.Flood, Severity.Extreme, "derna", "فيضان في درنة", ruleId, At, At.AddMinutes(2), false), "routing");

    /// <summary>The duty office takes <paramref name="agency"/>'s clearance for a restricted incident away.</summary>
    public static NewEvent ClearanceRevoked(Guid incidentId, string agency, IReadOnlyList<string> stillCleared) =>
        Create(Guid.NewGuid(), EventTypes.ClearanceChanged, new ClearanceChanged(incidentId, [], [agency], stillCleared, "لم تعد معنية", "duty.operator", At.AddMinutes(5)));

    /// <summary>A risk's review has passed and its lead agency is alerted: from here on it sees the risk's stream.</summary>
    public static NewEvent RiskReviewOverdue(Guid riskId, string leadAgency) =>
        Create(Guid.NewGuid(), EventTypes.RiskReviewOverdue, new RiskReviewOverdue(riskId, "flood-derna-dams", "سدود درنة", "Derna's dams", leadAgency, new DateOnly(2026, 9, 1), At), "register");

    public static NewEvent RiskReviewReminderSent(Guid riskId, string leadAgency) =>
        Create(Guid.NewGuid(), EventTypes.RiskReviewReminderSent, new RiskReviewReminderSent(riskId, "flood-derna-dams", leadAgency, new DateOnly(2026, 9, 1), At.AddDays(1)), "register");

    public static NewEvent Acknowledged(Guid incidentId, string agency, Guid? eventId = null) =>
        Create(eventId ?? Guid.NewGuid(), EventTypes.AlertAcknowledged, new AlertAcknowledged(incidentId, agency, "liaison." + agency, At.AddMinutes(1), "في الطريق"), "liaison." + agency);

    public static NewEvent Updated(Guid incidentId, string text, Guid? eventId = null) =>
        Create(eventId ?? Guid.NewGuid(), EventTypes.IncidentUpdated, new IncidentUpdated(incidentId, text, Severity.Severe, "duty.operator", "moi-duty", At.AddMinutes(3)));

    public static NewEvent TaskAssigned(Guid incidentId, string agency, string taskId) =>
        Create(Guid.NewGuid(), EventTypes.TaskAssigned, new TaskAssigned(incidentId, "flood-derna", taskId, agency, "مهمة", "A task", At, At.AddMinutes(30),
            [new ChecklistItem("خطوة", "A step")], null, null, false), "plan");

    public static NewEvent TaskAcknowledged(Guid incidentId, string agency, string taskId) =>
        Create(Guid.NewGuid(), EventTypes.TaskAcknowledged, new TaskAcknowledged(incidentId, "flood-derna", taskId, agency, "liaison." + agency, At.AddMinutes(4), null), "liaison." + agency);

    /// <summary>Someone else moved the item's due date on by a day.</summary>
    public static NewEvent ItemRescheduled(Guid itemId, string ownerAgency, DateOnly from) =>
        Create(Guid.NewGuid(), EventTypes.ImprovementItemRescheduled,
            new ImprovementItemRescheduled(itemId, ownerAgency, from, from.AddDays(1), "أُجّل يوماً", "commander", At), "commander");

    /// <summary>An evaluator's finding on the exercise, recorded by someone else.</summary>
    public static NewEvent Finding(Guid exerciseId)
    {
        var eventId = Guid.NewGuid();
        return new(eventId, EventTypes.ExerciseFindingRecorded,
            JsonSerializer.Serialize(new ExerciseFindingRecorded(exerciseId, Guid.NewGuid(), FindingKind.Strength, "تواصل سريع", "Quick contact", null, null, null, "commander", At), ContractJson.Options),
            new EntryMetadata("commander", "moi-duty", eventId, null, true, exerciseId));
    }

    private static NewEvent Create<T>(Guid eventId, string type, T data, string actor = "duty.operator") =>
        new(eventId, type, JsonSerializer.Serialize(data, ContractJson.Options), new EntryMetadata(actor, "moi-duty", eventId, null, false));
}
