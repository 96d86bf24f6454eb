using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Register;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Hub.Apis;
using Coordination.Hub.Features.Admin;
using Coordination.Hub.Features.Capabilities;
using Coordination.Hub.Features.Exercises;
using Coordination.Hub.Features.FollowUp;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Features.Register;
using Coordination.Hub.Features.Routing;

namespace Coordination.Hub.Startup;

/// <summary>
/// Each type the hub reads from a request body, with the fields (by their JSON names) it refuses a body without: what
/// its validator (or the checks it runs) insists on whatever else is sent. A field required only with another one, or
/// only by some of the endpoints that read the type, is not listed; the 400 names it when it is missing.
/// </summary>
internal static class RequiredRequestFields
{
    public static IReadOnlyDictionary<Type, string[]> ByType { get; } = new Dictionary<Type, string[]>
    {
        [typeof(AuthApi.SignInRequest)] = ["userName", "password"],
        [typeof(AuthApi.RefreshRequest)] = ["refreshToken"],

        // Latitude and longitude come together; cleared agencies when restricted (and only then).
        [typeof(ReportIncidentRequest)] = ["hazard", "severity", "title", "district"],
        [typeof(AcknowledgeAlertRequest)] = [],
        [typeof(PostUpdateRequest)] = ["text"],
        [typeof(ChangeStatusRequest)] = ["status"],
        // Agencies to grant or to revoke: either will do.
        [typeof(ChangeClearanceRequest)] = ["reason"],

        // A password for a new user; an existing one keeps theirs when it is left out.
        [typeof(RegisterUser.RegisterUserRequest)] = ["userName", "displayName", "role", "agency"],
        [typeof(RegisterAgency.RegisterAgencyRequest)] = ["code", "nameAr", "nameEn", "kind"],
        [typeof(ChangeRoutingRules.Request)] = ["rules", "reason"],
        [typeof(PreviewRouting.Request)] = ["hazard", "severity", "district"],
        // Read by the serializer as required, hazards and districts even empty: left out, each would read as "any".
        [typeof(RoutingRule)] = ["id", "hazards", "minimumSeverity", "districts", "agencies"],

        [typeof(RiskRequest)] = ["code", "hazard", "theme", "titleAr", "titleEn", "scenarioAr", "scenarioEn", "likelihood", "impacts", "confidence", "leadAgency", "nextReview"],
        [typeof(RiskImpacts)] = ["fatalities", "casualties", "displacement", "economic", "essentialServices", "socialPsychological", "environment", "security"],
        [typeof(RegisterApi.ChangeRiskRequest)] = ["risk"],
        [typeof(RegisterApi.ReviewRiskRequest)] = ["nextReview"],

        // A change of a plan or a scenario needs a reason as well; entering one does not.
        [typeof(PlanRequest)] = ["code", "titleAr", "titleEn", "leadAgency", "activation", "tasks"],
        [typeof(PlanCriteriaRequest)] = ["hazards", "minimumSeverity"],
        [typeof(PlanTaskRequest)] = ["taskId", "agency", "titleAr", "titleEn", "dueAfterMinutes"],
        [typeof(ChecklistItemRequest)] = ["textAr", "textEn"],
        [typeof(PlansApi.ChangePlanRequest)] = ["plan"],
        [typeof(CapabilitiesApi.DeclarationRequest)] = ["holdings"],
        [typeof(HoldingRequest)] = ["capability", "count", "district"],
        [typeof(ActivatePlanRequest)] = ["planCode"],
        [typeof(StandDownPlanRequest)] = ["reason"],
        // Progress on a task needs a note; acknowledging or completing one does not.
        [typeof(TaskRequest)] = [],

        [typeof(ScenarioRequest)] = ["code", "titleAr", "titleEn", "durationMinutes", "participants", "injects"],
        // The rest of an inject's fields depend on its kind, and an expected action's plan and task on the action.
        [typeof(InjectRequest)] = ["atMinutes", "kind", "incident"],
        [typeof(ExpectedActionRequest)] = ["agency", "action", "withinMinutes"],
        [typeof(ExercisesApi.ChangeScenarioRequest)] = ["scenario"],
        [typeof(StartExercise.Request)] = ["scenario"],
        [typeof(StartExercise.SimulatedRequest)] = ["agency"],
        [typeof(ExercisesApi.AbortExerciseRequest)] = ["reason"],
        [typeof(RecordFinding.Request)] = ["kind", "textAr", "textEn"],
        // A new likelihood or new impacts: either will do.
        [typeof(RecordFinding.RescoreRequest)] = ["riskId", "reason"],
        [typeof(RecordFinding.PlanChangeRequest)] = ["planId", "change"],
        [typeof(DecideProposal.Request)] = ["accept", "reason"],

        [typeof(ImprovementItemRequest)] = ["actionAr", "actionEn", "ownerAgency", "dueDate"],
        [typeof(FollowUpApi.CompleteItemRequest)] = ["note"],
        [typeof(FollowUpApi.DueDateRequest)] = ["dueDate", "reason"],
        [typeof(RecordMeeting.Request)] = ["heldOn", "agencies"],
        [typeof(MeetingDecision)] = ["textAr", "textEn"],
        [typeof(RecordMeeting.ActionItem)] = ["actionAr", "actionEn", "ownerAgency", "dueDate"],
    };
}
