using System.Net;
using System.Reflection;
using System.Text;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Realtime;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Security;

/// <summary>
/// Every REST endpoint and hub method × every role × an incident routed to the caller's agency or not ×
/// public or restricted: the exact allowed set, as the README's roles table states it. An endpoint or hub
/// method missing from this matrix fails the test.
/// </summary>
[TestFixture]
public sealed class AuthorizationMatrixTests
{
    private enum Target { Public, Restricted }

    private sealed record Caller(string User, Role Role, string Agency);

    private sealed record Op(string Name, string? Route, Func<Caller, Target, bool> Allowed, Func<Context, Caller, Target, Task<Outcome>> Call, bool NeedsFreshIncident = false);

    private enum Outcome { Allowed, Denied }

    private sealed class Context
    {
        public required HubHost Hub { get; init; }
        public required Dictionary<string, HttpClient> Http { get; init; }
        public required Dictionary<string, CoordinationClient> Realtime { get; init; }
        public required Dictionary<Target, Guid> Shared { get; init; }
        public required Queue<Guid> FreshPublic { get; init; }
        public required Queue<Guid> FreshRestricted { get; init; }
        public required Queue<string> SpareUsers { get; init; }
        public required Guid Exercise { get; init; }
        public required Queue<Guid> RunningExercises { get; init; }
        public required Queue<Guid> PausedExercises { get; init; }

        /// <summary>Findings on <see cref="Exercise"/> proposing a re-score of the Derna dams risk (NCEM's), each decided once.</summary>
        public required Queue<Guid> Proposals { get; init; }

        // Those who control exercises each get one of their own to control, whose status fits the control; others are
        // refused on the shared one before anything is read.
        public Guid Running(Caller c) => Controls(c) ? RunningExercises.Dequeue() : Exercise;

        public Guid Paused(Caller c) => Controls(c) ? PausedExercises.Dequeue() : Exercise;

        public Outcome KeepPaused(Outcome outcome, Guid exerciseId)
        {
            if (outcome == Outcome.Allowed)
            {
                PausedExercises.Enqueue(exerciseId);
            }

            return outcome;
        }

        public Guid Incident(Target target, bool fresh) =>
            !fresh ? Shared[target] : target == Target.Public ? FreshPublic.Dequeue() : FreshRestricted.Dequeue();
    }

    private static readonly Caller[] Callers =
    [
        new("duty.operator", Role.Operator, "moi-duty"),
        new("commander", Role.Commander, "moi-duty"),
        new("admin", Role.Administrator, "moi-duty"),
        new("liaison.ncem", Role.Liaison, "ncem"), // routed both; cleared for the restricted incident
        new("liaison.civil-defence", Role.Liaison, "civil-defence"), // routed the public one only
        new("liaison.security-tripoli", Role.Liaison, "security-tripoli"), // routed neither
    ];

    private static bool Routed(Caller c, Target t) => c.Agency == "ncem" || (c.Agency == "civil-defence" && t == Target.Public);

    private static bool DutyOrCommand(Caller c) => c.Role is Role.Operator or Role.Commander;

    private static bool ReadsIncidents(Caller c) => c.Role != Role.Administrator;

    private static bool SeesIncident(Caller c, Target t) => DutyOrCommand(c) || (c.Role == Role.Liaison && Routed(c, t));

    private static readonly Op[] Ops =
    [
        new("report (REST)", "POST /api/incidents", (c, _) => DutyOrCommand(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/incidents", """{"hazard":"Flood","severity":"Minor","title":"x","district":"derna"}""")),
        new("list incidents", "GET /api/incidents", (c, _) => ReadsIncidents(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/incidents")),
        new("get incident", "GET /api/incidents/{incidentId:guid}", SeesIncident, (x, c, t) => Rest(x, c, HttpMethod.Get, $"api/incidents/{x.Incident(t, false)}")),
        new("acknowledge (REST)", "POST /api/incidents/{incidentId:guid}/acknowledge", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, true)}/acknowledge", "{}"), true),
        new("post update (REST)", "POST /api/incidents/{incidentId:guid}/updates", SeesIncident,
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, true)}/updates", """{"text":"تحديث"}"""), true),
        new("change status (REST)", "POST /api/incidents/{incidentId:guid}/status", (c, _) => DutyOrCommand(c),
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, true)}/status", """{"status":"Responding"}"""), true),
        // Always on a restricted incident (a public one has no clearance, 409); granting an agency the matrix does not sign in as.
        new("change a clearance (REST)", "POST /api/incidents/{incidentId:guid}/clearance", (c, _) => DutyOrCommand(c) || c.Role == Role.Administrator,
            (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(Target.Restricted, true)}/clearance", """{"grant":["ambulance"],"reason":"يحتاجها الإسعاف"}"""), true),
        new("change a clearance (admin)", "POST /api/admin/clearances/{incidentId:guid}", (c, _) => DutyOrCommand(c) || c.Role == Role.Administrator,
            (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/admin/clearances/{x.Incident(Target.Restricted, true)}", """{"grant":["ambulance"],"reason":"يحتاجها الإسعاف"}"""), true),
        new("change a clearance (hub)", "hub ChangeClearance", (c, _) => DutyOrCommand(c) || c.Role == Role.Administrator,
            (x, c, _) => Invoke(x, c, "ChangeClearance", x.Incident(Target.Restricted, true), new ChangeClearanceRequest(null, ["ambulance"], null, "يحتاجها الإسعاف", null)), true),
        new("list clearances", "GET /api/admin/clearances", (c, _) => DutyOrCommand(c) || c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/admin/clearances")),
        new("own agency inbox", "GET /api/alerts", (c, _) => ReadsIncidents(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/alerts")),
        new("another agency's inbox", null, (c, _) => DutyOrCommand(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/alerts?agency=ambulance")),
        new("catch up (REST)", "GET /api/log", (c, _) => ReadsIncidents(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/log?after=0&limit=1000")),
        new("verify the log", "GET /api/log/verify", (c, _) => c.Role is Role.Commander or Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/log/verify")),
        new("seal the log", "POST /api/log/seal", (c, _) => c.Role is Role.Commander or Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Post, "api/log/seal", "{}")),
        new("export the log", "GET /api/log/export", (c, _) => c.Role == Role.Commander, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/log/export?from=1&to=2")),
        new("who am I", "GET /api/auth/me", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/auth/me")),
        new("hazards", "GET /api/reference/hazards", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/reference/hazards")),
        new("districts", "GET /api/reference/districts", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/reference/districts")),
        new("agencies", "GET /api/reference/agencies", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/reference/agencies")),
        new("routing rules", "GET /api/reference/routing-rules", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/reference/routing-rules")),
        new("console settings", "GET /api/console/settings", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/console/settings")),
        new("response figures", "GET /api/performance/agencies", (c, _) => DutyOrCommand(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/performance/agencies?days=7")),
        new("evaluation", "GET /api/evaluation", (c, _) => c.Role != Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/evaluation?period=week")),
        new("evaluation entries", "GET /api/evaluation/entries", (c, _) => c.Role != Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/evaluation/entries?figure=late")),
        new("evaluation report", "GET /api/evaluation/report", (c, _) => c.Role != Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/evaluation/report?period=week")),
        new("agency board", "GET /api/presence", (c, _) => c.Role != Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/presence")),
        new("report (hub)", "hub ReportIncident", (c, _) => DutyOrCommand(c), (x, c, _) => Invoke(x, c, "ReportIncident", new ReportIncidentRequest(
            null, HazardType.Flood, null, Severity.Minor, null, null, "x", null, "derna", null, null, null, null, null, null, null))),
        new("acknowledge (hub)", "hub AcknowledgeAlert", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Invoke(x, c, "AcknowledgeAlert", x.Incident(t, true), new AcknowledgeAlertRequest(null, null, null)), true),
        new("post update (hub)", "hub PostUpdate", SeesIncident,
            (x, c, t) => Invoke(x, c, "PostUpdate", x.Incident(t, true), new PostUpdateRequest(null, "تحديث", null, null)), true),
        new("change status (hub)", "hub ChangeStatus", (c, _) => DutyOrCommand(c),
            (x, c, t) => Invoke(x, c, "ChangeStatus", x.Incident(t, true), new ChangeStatusRequest(null, IncidentStatus.Responding, null, null)), true),
        new("list users", "GET /api/admin/users", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/admin/users")),
        new("register a user", "POST /api/admin/users", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Post, "api/admin/users",
            $$"""{"userName":"user.{{Guid.NewGuid():N}}","displayName":"مستخدم","role":"Liaison","agency":"ncem","password":"a-long-password-1"}""")),
        new("disable a user", "POST /api/admin/users/{userName}/disable", (c, _) => c.Role == Role.Administrator,
            (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/admin/users/{x.SpareUsers.Dequeue()}/disable", "{}")),
        new("unlock a user", "POST /api/admin/users/{userName}/unlock", (c, _) => c.Role == Role.Administrator,
            (x, c, _) => Rest(x, c, HttpMethod.Post, "api/admin/users/liaison.ambulance/unlock", "{}")),
        new("register an agency", "POST /api/admin/agencies", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Post, "api/admin/agencies",
            $$"""{"code":"agency-{{Guid.NewGuid():N}}","nameAr":"جهة","nameEn":"Agency","kind":"Response"}""")),
        new("list agency systems on the bus", "GET /api/admin/agency-bus", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/admin/agency-bus")),
        // On the in-memory bus an administrator is answered 409 (no agency queues), after the policy let them through.
        new("issue bus credentials", "POST /api/admin/agencies/{code}/bus-credentials", (c, _) => c.Role == Role.Administrator,
            (x, c, _) => Rest(x, c, HttpMethod.Post, "api/admin/agencies/ncem/bus-credentials", "{}", conflictIsAllowed: true)),
        new("revoke bus credentials", "DELETE /api/admin/agencies/{code}/bus-credentials", (c, _) => c.Role == Role.Administrator,
            (x, c, _) => Rest(x, c, HttpMethod.Delete, "api/admin/agencies/ncem/bus-credentials", conflictIsAllowed: true)),
        new("catch up (hub)", "hub CatchUp", (c, _) => ReadsIncidents(c), (x, c, _) => Invoke(x, c, "CatchUp", 0L, 100)),
        new("export routing rules", "GET /api/admin/routing-rules", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/admin/routing-rules")),
        // The sample rules again: a new version that routes as before, so the other operations' expectations hold.
        new("change routing rules", "PUT /api/admin/routing-rules", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Put, "api/admin/routing-rules", SampleRulesAgain)),
        new("routing rules history", "GET /api/admin/routing-rules/history", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/admin/routing-rules/history")),
        new("preview routing", "POST /api/routing/preview", (c, _) => c.Role is Role.Operator or Role.Commander or Role.Administrator,
            (x, c, _) => Rest(x, c, HttpMethod.Post, "api/routing/preview", """{"hazard":"Flood","severity":"Extreme","district":"derna"}""")),
        new("an incident as CAP", "GET /api/incidents/{incidentId:guid}/cap", SeesIncident, (x, c, t) => Rest(x, c, HttpMethod.Get, $"api/incidents/{x.Incident(t, false)}/cap")),
        new("an incident in EDXL-DE", "GET /api/incidents/{incidentId:guid}/edxl", SeesIncident, (x, c, t) => Rest(x, c, HttpMethod.Get, $"api/incidents/{x.Incident(t, false)}/edxl")),
        new("an incident's activity log", "GET /api/incidents/{incidentId:guid}/activity-log", SeesIncident, (x, c, t) => Rest(x, c, HttpMethod.Get, $"api/incidents/{x.Incident(t, false)}/activity-log")),
        new("an agency's activity log", "GET /api/activity-log", (c, _) => DutyOrCommand(c) || (c.Role == Role.Liaison && c.Agency == "ncem"),
            (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/activity-log?agency=ncem&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}")),
        new("the caller's CAP feed", "GET /api/cap/feed", (c, _) => ReadsIncidents(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/cap/feed")),
        new("take in a CAP alert", "POST /api/cap", (c, _) => DutyOrCommand(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/cap", CapAlert(), "application/cap+xml")),
        new("partners' CAP feeds", "GET /api/admin/cap-feeds", (c, _) => c.Role == Role.Administrator, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/admin/cap-feeds")),
        new("take in an EDXL-DE envelope", "POST /api/edxl", (c, _) => DutyOrCommand(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/edxl", EdxlEnvelope(), "application/xml")),
        new("the register", "GET /api/register", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/register")),
        new("the register's heat map", "GET /api/register/heatmap", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/register/heatmap")),
        new("a risk and its history", "GET /api/register/{riskId:guid}", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/register/{DernaRisk}")),
        new("export the register", "GET /api/register/export", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/register/export")),
        new("enter a risk", "POST /api/register", (c, _) => LeadsOrAdministers(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/register", NewRisk())),
        new("change a risk", "PUT /api/register/{riskId:guid}", (c, _) => LeadsOrAdministers(c), (x, c, _) => Rest(x, c, HttpMethod.Put, $"api/register/{DernaRisk}", DernaChanged())),
        new("import risks", "POST /api/register/import", (c, _) => LeadsOrAdministers(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/register/import", NewRiskCsv(), "text/csv")),
        new("mark a risk reviewed", "POST /api/register/{riskId:guid}/review", (c, _) => LeadsOrAdministers(c),
            (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/register/{DernaRisk}/review", $$"""{"nextReview":"{{DateTime.UtcNow.AddDays(200):yyyy-MM-dd}}","note":"المراجعة الدورية"}""")),
        new("the register's capability gaps", "GET /api/register/gaps", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/register/gaps")),
        new("a risk's capability gaps", "GET /api/register/{riskId:guid}/gaps", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/register/{DernaRisk}/gaps")),
        new("every agency's capabilities", "GET /api/capabilities", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/capabilities")),
        new("an agency's capabilities", "GET /api/capabilities/{agency}", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/capabilities/ncem")),
        // NCEM's holdings, a different count each time so each call declares something.
        new("declare capabilities", "PUT /api/capabilities/{agency}", (c, _) => c.Role == Role.Administrator || (c.Role == Role.Liaison && c.Agency == "ncem"),
            (x, c, _) => Rest(x, c, HttpMethod.Put, "api/capabilities/ncem",
                $$"""{"holdings":[{"capability":"operations-room","count":{{Interlocked.Increment(ref _declared)}},"district":"tripoli"}],"reason":"the authorization matrix"}""")),
        new("capabilities", "GET /api/reference/capabilities", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/reference/capabilities")),
        new("the plan library", "GET /api/plans", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/plans")),
        new("a plan and its history", "GET /api/plans/{planId:guid}", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/plans/{DernaPlan}")),
        new("enter a plan", "POST /api/plans", (c, _) => LeadsOrAdministers(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/plans", NewPlan())),
        new("change a plan", "PUT /api/plans/{planId:guid}", (c, _) => LeadsOrAdministers(c), (x, c, _) => Rest(x, c, HttpMethod.Put, $"api/plans/{DernaPlan}", DernaPlanChanged())),
        // By hand, a plan no incident here meets (entered before the operations run): the Derna flood plan is already active on
        // every incident, and is what is stood down.
        new("activate a plan", "POST /api/incidents/{incidentId:guid}/plans", (c, _) => DutyOrCommand(c),
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, true)}/plans", $$"""{"planCode":"{{ManualPlan}}"}"""), true),
        new("stand a plan down", "POST /api/incidents/{incidentId:guid}/plans/{planCode}/stand-down", (c, _) => DutyOrCommand(c),
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, true)}/plans/flood-derna/stand-down", """{"reason":"انتهى"}"""), true),
        new("task board", "GET /api/incidents/{incidentId:guid}/tasks", SeesIncident, (x, c, t) => Rest(x, c, HttpMethod.Get, $"api/incidents/{x.Incident(t, false)}/tasks")),
        new("acknowledge a task (REST)", "POST /api/incidents/{incidentId:guid}/plans/{planCode}/tasks/{taskId}/acknowledge", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, true)}/plans/flood-derna/tasks/{TaskOf(c)}/acknowledge", "{}"), true),
        new("progress a task (REST)", "POST /api/incidents/{incidentId:guid}/plans/{planCode}/tasks/{taskId}/progress", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, false)}/plans/flood-derna/tasks/{TaskOf(c)}/progress", """{"note":"جارٍ"}""")),
        new("complete a task (REST)", "POST /api/incidents/{incidentId:guid}/plans/{planCode}/tasks/{taskId}/complete", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Rest(x, c, HttpMethod.Post, $"api/incidents/{x.Incident(t, true)}/plans/flood-derna/tasks/{TaskOf(c)}/complete", "{}"), true),
        new("acknowledge a task (hub)", "hub AcknowledgeTask", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Invoke(x, c, "AcknowledgeTask", x.Incident(t, true), "flood-derna", TaskOf(c), new Coordination.Agencies.Contracts.Plans.TaskRequest(null, null, null)), true),
        new("progress a task (hub)", "hub ProgressTask", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Invoke(x, c, "ProgressTask", x.Incident(t, false), "flood-derna", TaskOf(c), new Coordination.Agencies.Contracts.Plans.TaskRequest(null, "جارٍ", null))),
        new("complete a task (hub)", "hub CompleteTask", (c, t) => c.Role == Role.Liaison && Routed(c, t),
            (x, c, t) => Invoke(x, c, "CompleteTask", x.Incident(t, true), "flood-derna", TaskOf(c), new Coordination.Agencies.Contracts.Plans.TaskRequest(null, null, null)), true),
        new("the scenario library", "GET /api/scenarios", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/scenarios")),
        new("a scenario and its history", "GET /api/scenarios/{scenarioId:guid}", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/scenarios/{MedicaneScenario}")),
        new("export a scenario", "GET /api/scenarios/{scenarioId:guid}/export", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/scenarios/{MedicaneScenario}/export")),
        new("enter a scenario", "POST /api/scenarios", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/scenarios", NewScenario())),
        new("change a scenario", "PUT /api/scenarios/{scenarioId:guid}", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Put, $"api/scenarios/{MedicaneScenario}", MedicaneChanged())),
        new("the exercises", "GET /api/exercises", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/exercises")),
        new("an exercise", "GET /api/exercises/{exerciseId:guid}", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/exercises/{x.Exercise}")),
        new("start an exercise (REST)", "POST /api/exercises", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/exercises", StartBody)),
        new("pause an exercise (REST)", "POST /api/exercises/{exerciseId:guid}/pause", (c, _) => Controls(c), async (x, c, _) =>
        {
            var id = x.Running(c);
            return x.KeepPaused(await Rest(x, c, HttpMethod.Post, $"api/exercises/{id}/pause", "{}"), id);
        }),
        new("resume an exercise (REST)", "POST /api/exercises/{exerciseId:guid}/resume", (c, _) => Controls(c), (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/exercises/{x.Paused(c)}/resume", "{}")),
        new("abort an exercise (REST)", "POST /api/exercises/{exerciseId:guid}/abort", (c, _) => Controls(c),
            (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/exercises/{x.Running(c)}/abort", """{"reason":"مصفوفة الصلاحيات"}""")),
        new("start an exercise (hub)", "hub StartExercise", (c, _) => Controls(c), (x, c, _) => Invoke(x, c, "StartExercise",
            new Coordination.Hub.Features.Exercises.StartExercise.Request(null, "medicane-derna", 60, ["municipality-derna"], null))),
        new("pause an exercise (hub)", "hub PauseExercise", (c, _) => Controls(c), async (x, c, _) =>
        {
            var id = x.Running(c);
            return x.KeepPaused(await Invoke(x, c, "PauseExercise", id), id);
        }),
        new("resume an exercise (hub)", "hub ResumeExercise", (c, _) => Controls(c), (x, c, _) => Invoke(x, c, "ResumeExercise", x.Paused(c))),
        new("abort an exercise (hub)", "hub AbortExercise", (c, _) => Controls(c),
            (x, c, _) => Invoke(x, c, "AbortExercise", x.Running(c), new Coordination.Hub.Apis.ExercisesApi.AbortExerciseRequest("مصفوفة الصلاحيات"))),
        new("an exercise's after-action report", "GET /api/exercises/{exerciseId:guid}/after-action", (c, _) => ReadsAfterAction(c),
            (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/exercises/{x.Exercise}/after-action")),
        new("an exercise's after-action report, printable", "GET /api/exercises/{exerciseId:guid}/after-action/report", (c, _) => ReadsAfterAction(c),
            (x, c, _) => Rest(x, c, HttpMethod.Get, $"api/exercises/{x.Exercise}/after-action/report")),
        new("record a finding (REST)", "POST /api/exercises/{exerciseId:guid}/findings", (c, _) => Controls(c),
            (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/exercises/{x.Exercise}/findings", FindingBody)),
        new("record a finding (hub)", "hub RecordFinding", (c, _) => Controls(c), (x, c, _) => Invoke(x, c, "RecordFinding", x.Exercise,
            new Coordination.Hub.Features.Exercises.RecordFinding.Request(Coordination.Agencies.Contracts.Exercises.FindingKind.Strength, "تنسيق جيد", "Good coordination", null, null, null))),
        // Declined, so the risk stays as it is for the other operations; a liaison of another agency is refused as not leading it.
        new("decide a proposal (REST)", "POST /api/exercises/{exerciseId:guid}/findings/{findingId:guid}/decision", (c, _) => LeadsOrAdministers(c),
            (x, c, _) => Rest(x, c, HttpMethod.Post, $"api/exercises/{x.Exercise}/findings/{x.Proposals.Dequeue()}/decision", """{"accept":false,"reason":"مصفوفة الصلاحيات"}""")),
        new("decide a proposal (hub)", "hub DecideProposal", (c, _) => LeadsOrAdministers(c), (x, c, _) => Invoke(x, c, "DecideProposal", x.Exercise, x.Proposals.Dequeue(),
            new Coordination.Hub.Features.Exercises.DecideProposal.Request(false, "مصفوفة الصلاحيات"))),
        new("improvement items", "GET /api/improvements", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/improvements?ownerAgency=ncem&status=Open")),
        new("an improvement item", "GET /api/improvements/{itemId:guid}", (_, _) => true, async (x, c, _) => await Rest(x, c, HttpMethod.Get, $"api/improvements/{await NewItemAsync(x)}")),
        new("record an improvement item (REST)", "POST /api/improvements", (c, _) => KeepsFollowUp(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/improvements", ItemBody())),
        new("complete an improvement item (REST)", "POST /api/improvements/{itemId:guid}/complete", (c, _) => CompletesNcemItems(c),
            async (x, c, _) => await Rest(x, c, HttpMethod.Post, $"api/improvements/{await NewItemAsync(x)}/complete", """{"note":"أُنجز"}""")),
        new("move an item's due date (REST)", "POST /api/improvements/{itemId:guid}/due-date", (c, _) => KeepsFollowUp(c),
            async (x, c, _) => await Rest(x, c, HttpMethod.Post, $"api/improvements/{await NewItemAsync(x)}/due-date", $$"""{"dueDate":"{{DateTime.UtcNow.AddDays(60):yyyy-MM-dd}}","reason":"مصفوفة الصلاحيات"}""")),
        new("coordination meetings", "GET /api/meetings", (_, _) => true, (x, c, _) => Rest(x, c, HttpMethod.Get, "api/meetings")),
        new("a coordination meeting", "GET /api/meetings/{meetingId:guid}", (_, _) => true, async (x, c, _) => await Rest(x, c, HttpMethod.Get, $"api/meetings/{await NewMeetingAsync(x)}")),
        new("record a meeting (REST)", "POST /api/meetings", (c, _) => KeepsFollowUp(c), (x, c, _) => Rest(x, c, HttpMethod.Post, "api/meetings", MeetingBody())),
        new("the next meeting's agenda", "GET /api/meetings/agenda", (c, _) => DutyOrCommand(c), (x, c, _) => Rest(x, c, HttpMethod.Get, "api/meetings/agenda")),
        new("record an improvement item (hub)", "hub RecordImprovementItem", (c, _) => KeepsFollowUp(c), (x, c, _) => Invoke(x, c, "RecordImprovementItem",
            new Coordination.Hub.Features.FollowUp.ImprovementItemRequest("تحديث دليل الإجراءات", "Update the procedures manual", "ncem", ItemDue, null, null, null))),
        new("complete an improvement item (hub)", "hub CompleteImprovementItem", (c, _) => CompletesNcemItems(c),
            async (x, c, _) => await Invoke(x, c, "CompleteImprovementItem", await NewItemAsync(x), new Coordination.Hub.Apis.FollowUpApi.CompleteItemRequest("أُنجز"))),
        new("move an item's due date (hub)", "hub ChangeImprovementDueDate", (c, _) => KeepsFollowUp(c),
            async (x, c, _) => await Invoke(x, c, "ChangeImprovementDueDate", await NewItemAsync(x), new Coordination.Hub.Apis.FollowUpApi.DueDateRequest(ItemDue.AddDays(30), "مصفوفة الصلاحيات"))),
        new("record a meeting (hub)", "hub RecordMeeting", (c, _) => KeepsFollowUp(c), (x, c, _) => Invoke(x, c, "RecordMeeting",
            new Coordination.Hub.Features.FollowUp.RecordMeeting.Request(DateOnly.FromDateTime(DateTime.UtcNow), ["moi-duty", "ncem"], [], [], null))),
    ];

    // The follow-up's items are NCEM's: its liaison and administrators complete them, and no liaison of the matrix that
    // must see nothing of NCEM's (security-tripoli) is pushed an entry of them.
    // A liaison reads an exercise's after-action when their agency played (the matrix's exercise has Derna's municipality
    // alone) or leads a risk one of its findings proposes to change (NCEM, the Derna dams'); other agencies' are refused.
    private static bool ReadsAfterAction(Caller c) => c.Role != Role.Operator && (c.Role != Role.Liaison || c.Agency is "municipality-derna" or "ncem");

    private static bool KeepsFollowUp(Caller c) => c.Role is Role.Operator or Role.Commander or Role.Administrator;

    private static bool CompletesNcemItems(Caller c) => c.Role == Role.Administrator || (c.Role == Role.Liaison && c.Agency == "ncem");

    private static readonly DateOnly ItemDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    private static string ItemBody() => $$"""{"actionAr":"تحديث دليل الإجراءات","actionEn":"Update the procedures manual","ownerAgency":"ncem","dueDate":"{{ItemDue:yyyy-MM-dd}}"}""";

    private static string MeetingBody() => $$"""
        {"heldOn":"{{DateTime.UtcNow:yyyy-MM-dd}}","agencies":["moi-duty","ncem"],"decisions":[{"textAr":"قرار","textEn":"A decision"}],
         "actions":[{"actionAr":"تدريب","actionEn":"Training","ownerAgency":"ncem","dueDate":"{{ItemDue:yyyy-MM-dd}}"}]}
        """;

    /// <summary>An open item of NCEM's, recorded by an administrator, for one call to act on.</summary>
    private static async Task<Guid> NewItemAsync(Context x) =>
        (await x.Http["admin"].PostOkAsync("api/improvements", System.Text.Json.JsonDocument.Parse(ItemBody()).RootElement)).GetProperty("itemId").GetGuid();

    private static async Task<Guid> NewMeetingAsync(Context x) =>
        (await x.Http["admin"].PostOkAsync("api/meetings", System.Text.Json.JsonDocument.Parse(MeetingBody()).RootElement)).GetProperty("meetingId").GetGuid();

    private static bool Controls(Caller c) => c.Role is Role.Commander or Role.Administrator;

    private static readonly Guid MedicaneScenario = Coordination.Hub.Features.Exercises.ScenarioLog.IdFor("medicane-derna");

    private static readonly Coordination.Hub.Features.Exercises.ScenarioRequest Medicane =
        Coordination.Hub.Features.Exercises.ScenarioSeed.Sample().Single(s => s.Code == "medicane-derna");

    private static string NewScenario() => System.Text.Json.JsonSerializer.Serialize(Medicane with { Code = $"matrix-{Guid.NewGuid():N}" }, HubHost.Json);

    private static string MedicaneChanged() =>
        System.Text.Json.JsonSerializer.Serialize(new { scenario = Medicane with { TitleEn = $"Checked {Guid.NewGuid():N}", Reason = "the authorization matrix" } }, HubHost.Json);

    // Only Derna's municipality in play: its storm report alerts no agency of the matrix's liaisons.
    private const string FindingBody = """{"kind":"Gap","textAr":"تأخر الإخلاء","textEn":"Evacuation came late","agency":"municipality-derna"}""";

    private static string ProposalBody() =>
        $$$"""{"kind":"Gap","textAr":"السدود أضعف","textEn":"The dams are weaker","rescore":{"riskId":"{{{DernaRisk}}}","likelihood":5,"reason":"the drill"}}""";

    private const string StartBody = """{"scenario":"medicane-derna","speed":1,"participants":["municipality-derna"]}""";

    /// <summary>A valid CAP Alert for Derna, a new one each time.</summary>
    private static string CapAlert() => $$"""
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>matrix-{{Guid.NewGuid():N}}</identifier><sender>matrix</sender>
        <sent>{{DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(2)):yyyy-MM-dd'T'HH:mm:sszzz}}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
        <info><category>Met</category><event>Flood</event><urgency>Expected</urgency><severity>Minor</severity><certainty>Likely</certainty><headline>x</headline>
        <area><areaDesc>Derna</areaDesc><geocode><valueName>LY-district</valueName><value>derna</value></geocode></area></info></alert>
        """;

    private static int _declared;

    private static string EdxlEnvelope() => $$"""
        <EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><distributionID>matrix-{{Guid.NewGuid():N}}</distributionID><senderID>matrix</senderID>
        <dateTimeSent>{{DateTimeOffset.UtcNow.AddMinutes(-1).ToOffset(TimeSpan.FromHours(2)):yyyy-MM-dd'T'HH:mm:sszzz}}</dateTimeSent><distributionStatus>Actual</distributionStatus>
        <distributionType>Report</distributionType><combinedConfidentiality>UNCLASSIFIED AND NOT SENSITIVE</combinedConfidentiality>
        <contentObject><xmlContent><embeddedXMLContent>{{CapAlert()}}</embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>
        """;

    private static bool LeadsOrAdministers(Caller c) => c.Role == Role.Administrator || (c.Role == Role.Liaison && c.Agency == "ncem");

    // The sample register's Derna dams risk, which NCEM leads.
    private static readonly Coordination.Hub.Features.Register.RiskRequest Derna =
        Coordination.Hub.Features.Register.RegisterSeed.Sample().Single(r => r.Code == "flood-derna-dams");

    private static readonly Guid DernaRisk = Coordination.Hub.Features.Register.RiskWriter.IdFor("flood-derna-dams");

    private static string NewRisk() => System.Text.Json.JsonSerializer.Serialize(Derna with { Code = $"matrix-{Guid.NewGuid():N}" }, HubHost.Json);

    private static string DernaChanged() => System.Text.Json.JsonSerializer.Serialize(new { risk = Derna with { ControlsEn = $"Checked {Guid.NewGuid():N}" } }, HubHost.Json);

    private static string NewRiskCsv()
    {
        var code = $"matrix-{Guid.NewGuid():N}";
        return Coordination.Hub.Features.Register.RegisterCsv.Write([(Derna with { Code = code }).ToRisk(Coordination.Hub.Features.Register.RiskWriter.IdFor(code))]);
    }

    // The sample Derna flood plan, which NCEM leads, and a task of the caller's agency in it (one of NCEM's for anyone without one).
    private static readonly Coordination.Hub.Features.Plans.PlanRequest DernaPlanRequest = Coordination.Hub.Features.Plans.PlanSeed.Sample().Single(p => p.Code == "flood-derna");

    private static readonly Guid DernaPlan = Coordination.Hub.Features.Plans.PlanWriter.IdFor("flood-derna");

    private const string ManualPlan = "matrix-by-hand";

    private static string TaskOf(Caller c) => c.Agency == "civil-defence" ? "cd-swift-water-rescue" : "ncem-evacuation-warning";

    // Under criteria no incident here meets, so the plans the matrix enters never touch its incidents.
    private static string NewPlan(string? code = null) => System.Text.Json.JsonSerializer.Serialize(DernaPlanRequest with
    {
        Code = code ?? $"matrix-{Guid.NewGuid():N}",
        Activation = new Coordination.Hub.Features.Plans.PlanCriteriaRequest([HazardType.Earthquake], Severity.Extreme, ["ghat"]),
    }, HubHost.Json);

    private static string DernaPlanChanged() =>
        System.Text.Json.JsonSerializer.Serialize(new { plan = DernaPlanRequest with { TitleEn = $"Checked {Guid.NewGuid():N}", Reason = "the authorization matrix" } }, HubHost.Json);

    private static readonly string SampleRulesAgain = WithReason(Coordination.Dispatch.Routing.RoutingRuleSet.SampleJson());

    private static string WithReason(string rulesFile)
    {
        var change = System.Text.Json.Nodes.JsonNode.Parse(rulesFile)!.AsObject();
        change["reason"] = "the authorization matrix";
        return change.ToJsonString();
    }

    /// <summary>The row of the policy table each operation answers to: the matrix's expectations and the table must agree.</summary>
    private static readonly Dictionary<string, Policy> PolicyOf = new()
    {
        ["report (REST)"] = Policies.ReportIncident,
        ["report (hub)"] = Policies.ReportIncident,
        ["list incidents"] = Policies.SeeIncidents,
        ["get incident"] = Policies.SeeIncidents,
        ["catch up (REST)"] = Policies.SeeIncidents,
        ["catch up (hub)"] = Policies.SeeIncidents,
        ["own agency inbox"] = Policies.SeeIncidents,
        ["acknowledge (REST)"] = Policies.AcknowledgeAlert,
        ["acknowledge (hub)"] = Policies.AcknowledgeAlert,
        ["post update (REST)"] = Policies.PostUpdate,
        ["post update (hub)"] = Policies.PostUpdate,
        ["change status (REST)"] = Policies.ChangeStatus,
        ["change status (hub)"] = Policies.ChangeStatus,
        ["change a clearance (REST)"] = Policies.ChangeClearance,
        ["change a clearance (admin)"] = Policies.ChangeClearance,
        ["change a clearance (hub)"] = Policies.ChangeClearance,
        ["list clearances"] = Policies.ChangeClearance,
        ["another agency's inbox"] = Policies.ReadAnyInbox,
        ["response figures"] = Policies.ReadResponseFigures,
        ["evaluation"] = Policies.ReadEvaluation,
        ["evaluation entries"] = Policies.ReadEvaluation,
        ["evaluation report"] = Policies.ReadEvaluation,
        ["agency board"] = Policies.SeePresence,
        ["verify the log"] = Policies.VerifyLog,
        ["list users"] = Policies.ManageDirectory,
        ["register a user"] = Policies.ManageDirectory,
        ["disable a user"] = Policies.ManageDirectory,
        ["unlock a user"] = Policies.ManageDirectory,
        ["register an agency"] = Policies.ManageDirectory,
        ["list agency systems on the bus"] = Policies.ManageDirectory,
        ["issue bus credentials"] = Policies.ManageDirectory,
        ["revoke bus credentials"] = Policies.ManageDirectory,
        ["export routing rules"] = Policies.ManageDirectory,
        ["change routing rules"] = Policies.ManageDirectory,
        ["routing rules history"] = Policies.ManageDirectory,
        ["preview routing"] = Policies.PreviewRouting,
        ["an incident as CAP"] = Policies.SeeIncidents,
        ["an incident in EDXL-DE"] = Policies.SeeIncidents,
        ["an incident's activity log"] = Policies.SeeIncidents,
        ["an agency's activity log"] = Policies.SeeIncidents,
        ["the caller's CAP feed"] = Policies.SeeIncidents,
        ["take in a CAP alert"] = Policies.ReportIncident,
        ["take in an EDXL-DE envelope"] = Policies.ReportIncident,
        ["partners' CAP feeds"] = Policies.SeeCapFeeds,
        ["the register"] = Policies.SeeRegister,
        ["the register's heat map"] = Policies.SeeRegister,
        ["a risk and its history"] = Policies.SeeRegister,
        ["export the register"] = Policies.SeeRegister,
        ["enter a risk"] = Policies.ChangeRisk,
        ["change a risk"] = Policies.ChangeRisk,
        ["import risks"] = Policies.ChangeRisk,
        ["mark a risk reviewed"] = Policies.ChangeRisk,
        ["the register's capability gaps"] = Policies.SeeCapabilities,
        ["a risk's capability gaps"] = Policies.SeeCapabilities,
        ["every agency's capabilities"] = Policies.SeeCapabilities,
        ["an agency's capabilities"] = Policies.SeeCapabilities,
        ["declare capabilities"] = Policies.DeclareCapabilities,
        ["capabilities"] = Policies.SignedIn,
        ["the plan library"] = Policies.SeePlans,
        ["a plan and its history"] = Policies.SeePlans,
        ["enter a plan"] = Policies.ChangePlan,
        ["change a plan"] = Policies.ChangePlan,
        ["activate a plan"] = Policies.ActivatePlan,
        ["stand a plan down"] = Policies.ActivatePlan,
        ["task board"] = Policies.SeeTasks,
        ["acknowledge a task (REST)"] = Policies.WorkOnTask,
        ["progress a task (REST)"] = Policies.WorkOnTask,
        ["complete a task (REST)"] = Policies.WorkOnTask,
        ["acknowledge a task (hub)"] = Policies.WorkOnTask,
        ["progress a task (hub)"] = Policies.WorkOnTask,
        ["complete a task (hub)"] = Policies.WorkOnTask,
        ["seal the log"] = Policies.SealLog,
        ["export the log"] = Policies.ExportLog,
        ["the scenario library"] = Policies.SeeScenarios,
        ["a scenario and its history"] = Policies.SeeScenarios,
        ["export a scenario"] = Policies.SeeScenarios,
        ["the exercises"] = Policies.SeeScenarios,
        ["an exercise"] = Policies.SeeScenarios,
        ["enter a scenario"] = Policies.ChangeScenario,
        ["change a scenario"] = Policies.ChangeScenario,
        ["start an exercise (REST)"] = Policies.ControlExercise,
        ["pause an exercise (REST)"] = Policies.ControlExercise,
        ["resume an exercise (REST)"] = Policies.ControlExercise,
        ["abort an exercise (REST)"] = Policies.ControlExercise,
        ["start an exercise (hub)"] = Policies.ControlExercise,
        ["pause an exercise (hub)"] = Policies.ControlExercise,
        ["resume an exercise (hub)"] = Policies.ControlExercise,
        ["abort an exercise (hub)"] = Policies.ControlExercise,
        ["an exercise's after-action report"] = Policies.ReadAfterAction,
        ["an exercise's after-action report, printable"] = Policies.ReadAfterAction,
        ["record a finding (REST)"] = Policies.RecordFindings,
        ["record a finding (hub)"] = Policies.RecordFindings,
        ["decide a proposal (REST)"] = Policies.DecideProposal,
        ["decide a proposal (hub)"] = Policies.DecideProposal,
        ["improvement items"] = Policies.SeeFollowUp,
        ["an improvement item"] = Policies.SeeFollowUp,
        ["coordination meetings"] = Policies.SeeFollowUp,
        ["a coordination meeting"] = Policies.SeeFollowUp,
        ["record an improvement item (REST)"] = Policies.RecordFollowUp,
        ["record an improvement item (hub)"] = Policies.RecordFollowUp,
        ["move an item's due date (REST)"] = Policies.RecordFollowUp,
        ["move an item's due date (hub)"] = Policies.RecordFollowUp,
        ["record a meeting (REST)"] = Policies.RecordFollowUp,
        ["record a meeting (hub)"] = Policies.RecordFollowUp,
        ["complete an improvement item (REST)"] = Policies.CompleteImprovement,
        ["complete an improvement item (hub)"] = Policies.CompleteImprovement,
        ["the next meeting's agenda"] = Policies.BuildAgenda,
        ["who am I"] = Policies.SignedIn,
        ["hazards"] = Policies.SignedIn,
        ["districts"] = Policies.SignedIn,
        ["agencies"] = Policies.SignedIn,
        ["routing rules"] = Policies.SignedIn,
        ["console settings"] = Policies.SignedIn,
    };

    /// <summary>Reachable without signing in, on purpose.</summary>
    private static readonly string[] Anonymous = ["GET /api/cap/public", "GET /api/log/seal-keys", "POST /api/auth/token", "POST /api/auth/refresh", "ANY /health/live", "ANY /health/ready", "GET /openapi/{documentName}.json"];

    /// <summary>Outside the roles on purpose: Prometheus shows the metrics token, no user's (MetricsTests holds it to that).</summary>
    private static readonly string[] MetricsToken = ["GET /metrics"];

    [Test]
    public async Task Every_endpoint_and_hub_method_is_in_the_matrix()
    {
        await using var hub = await HubHost.StartFreshAsync();
        var routes = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? "").StartsWith("/hubs/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText?.TrimEnd('/')}"))
            .Select(r => r == "GET " ? "GET /" : r)
            .ToHashSet();
        var hubMethods = typeof(CoordinationHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync"))
            .Select(m => $"hub {m.Name}");
        var covered = Ops.Select(o => o.Route).OfType<string>().Concat(Anonymous).Concat(MetricsToken).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(routes, Is.SubsetOf(covered), "an endpoint is not in the authorization matrix");
            Assert.That(hubMethods, Is.SubsetOf(covered), "a hub method is not in the authorization matrix");
        });
    }

    [Test]
    public async Task Every_use_case_names_a_row_of_the_policy_table_and_every_row_is_in_the_matrix()
    {
        await using var hub = await HubHost.StartFreshAsync();
        var named = UseCaseRegistration.UseCaseTypes().ToDictionary(t => t.Name, t => PoliciesOf(hub.Services.GetRequiredService(t)));
        var wrong = named.Where(u => !u.Value.All(Policies.All.Contains)).Select(u => $"use case {u.Key} names a policy that is not in the table").ToList();
        wrong.AddRange(Ops.Where(o => !PolicyOf.ContainsKey(o.Name)).Select(o => $"{o.Name} has no row of the policy table"));
        wrong.AddRange(Policies.Table.Where(p => !PolicyOf.ContainsValue(p)).Select(p => $"the row '{p.Action}' is checked by no operation of the matrix"));
        wrong.AddRange(Policies.Table.Where(p => !named.Values.Any(n => n.Contains(p))).Select(p => $"the row '{p.Action}' is named by no use case"));
        // The matrix's own expectations agree with the table, role by role, for an incident routed to the caller.
        foreach (var op in Ops)
        {
            foreach (var caller in Callers.Where(c => c.Role != Role.Liaison || c.Agency == "ncem"))
            {
                if (PolicyOf.TryGetValue(op.Name, out var policy) && op.Allowed(caller, Target.Public) != policy.For(caller.Role).Allows)
                {
                    wrong.Add($"{op.Name} by {caller.User}: the matrix expects {op.Allowed(caller, Target.Public)}, the table's row '{policy.Action}' says {policy.For(caller.Role).Says}");
                }
            }
        }

        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    [Test]
    public async Task Each_role_may_do_exactly_what_the_matrix_allows_and_sees_only_what_is_routed_to_it()
    {
        await using var hub = await HubHost.StartFreshAsync();
        var http = new Dictionary<string, HttpClient>();
        var realtime = new Dictionary<string, CoordinationClient>();
        foreach (var caller in Callers)
        {
            http[caller.User] = await hub.ClientForAsync(caller.User);
            realtime[caller.User] = await hub.ConnectAsync(caller.User);
        }

        try
        {
            var freshNeeded = Ops.Count(o => o.NeedsFreshIncident) * Callers.Length;
            var shared = new Dictionary<Target, Guid> { [Target.Public] = await ReportAsync(http, Target.Public), [Target.Restricted] = await ReportAsync(http, Target.Restricted) };
            var freshPublic = new Queue<Guid>();
            var freshRestricted = new Queue<Guid>();
            for (var i = 0; i < freshNeeded; i++)
            {
                freshPublic.Enqueue(await ReportAsync(http, Target.Public));
                freshRestricted.Enqueue(await ReportAsync(http, Target.Restricted));
            }

            // A change of clearance takes a fresh restricted incident for either target (a public one has no clearance).
            for (var i = 0; i < Ops.Count(o => o.NeedsFreshIncident && o.Name.StartsWith("change a clearance", StringComparison.Ordinal)) * Callers.Length; i++)
            {
                freshRestricted.Enqueue(await ReportAsync(http, Target.Restricted));
            }

            await WaitRoutedAsync(http["commander"], freshPublic.Concat(freshRestricted).Concat(shared.Values).ToArray());
            var spares = new Queue<string>();
            for (var i = 0; i < Callers.Length * 2; i++)
            {
                var name = $"spare.{i}";
                await http["admin"].PostOkAsync("api/admin/users", new { userName = name, displayName = "احتياط", role = "Liaison", agency = "ambulance", password = "spare-password-123" });
                spares.Enqueue(name);
            }

            await http["admin"].PostOkAsync("api/plans", System.Text.Json.JsonDocument.Parse(NewPlan(ManualPlan)).RootElement);
            var exercises = new Queue<Guid>();
            for (var i = 0; i < 17; i++)
            {
                exercises.Enqueue((await http["commander"].PostOkAsync("api/exercises", System.Text.Json.JsonDocument.Parse(StartBody).RootElement)).GetProperty("exerciseId").GetGuid());
            }

            var exercise = exercises.Dequeue();
            var proposals = new Queue<Guid>();
            for (var i = 0; i < 2 * Callers.Length * 2; i++)
            {
                proposals.Enqueue((await http["commander"].PostOkAsync($"api/exercises/{exercise}/findings", System.Text.Json.JsonDocument.Parse(ProposalBody()).RootElement))
                    .GetProperty("findingId").GetGuid());
            }

            var context = new Context
            {
                Hub = hub, Http = http, Realtime = realtime, Shared = shared, FreshPublic = freshPublic, FreshRestricted = freshRestricted, SpareUsers = spares,
                Exercise = exercise, RunningExercises = exercises, PausedExercises = new Queue<Guid>(), Proposals = proposals,
            };

            var wrong = new List<string>();
            foreach (var op in Ops)
            {
                foreach (var caller in Callers)
                {
                    foreach (var target in new[] { Target.Public, Target.Restricted })
                    {
                        var expected = op.Allowed(caller, target) ? Outcome.Allowed : Outcome.Denied;
                        var actual = await op.Call(context, caller, target);
                        if (actual != expected)
                        {
                            wrong.Add($"{op.Name} by {caller.User} on a {target} incident: expected {expected}, got {actual}");
                        }
                    }
                }
            }

            // What a liaison reads is only what is routed to its agency; a restricted incident only when cleared.
            foreach (var caller in Callers.Where(c => c.Role == Role.Liaison))
            {
                var listed = (await http[caller.User].GetOkAsync("api/incidents?limit=1000")).EnumerateArray().Select(i => i.GetProperty("incidentId").GetGuid()).ToHashSet();
                var caught = (await http[caller.User].ReadLogAsync()).Select(e => e.IncidentId).ToHashSet();
                foreach (var target in new[] { Target.Public, Target.Restricted })
                {
                    var shouldSee = Routed(caller, target);
                    if (listed.Contains(shared[target]) != shouldSee || caught.Contains(shared[target]) != shouldSee)
                    {
                        wrong.Add($"{caller.User} {(shouldSee ? "does not see" : "sees")} the shared {target} incident in its list or catch-up");
                    }
                }

                if (realtime[caller.User].Received.Any(e => !Routed(caller, e.IncidentId == shared[Target.Restricted] || freshRestricted.Contains(e.IncidentId) ? Target.Restricted : Target.Public)))
                {
                    wrong.Add($"{caller.User} was pushed an entry of an incident not routed to it");
                }
            }

            Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
        }
        finally
        {
            foreach (var client in realtime.Values)
            {
                await client.DisposeAsync();
            }

            foreach (var client in http.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The rows a use case names: its policy and any it demands itself.</summary>
    private static Policy[] PoliciesOf(object useCase)
    {
        var contract = useCase.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUseCase<,>));
        var policy = (Policy)contract.GetProperty(nameof(IUseCase<object, object>.Policy))!.GetValue(useCase)!;
        var also = (IReadOnlyList<Policy>)contract.GetProperty(nameof(IUseCase<object, object>.AlsoDemands))!.GetValue(useCase)!;
        return [policy, .. also];
    }

    private static async Task<Guid> ReportAsync(Dictionary<string, HttpClient> http, Target target)
    {
        object body = target == Target.Public
            ? new { hazard = "Flood", severity = "Severe", title = "فيضان", district = "derna" }
            : new { hazard = "Flood", severity = "Severe", title = "تهديد سري لسد", district = "derna", classification = "Restricted", clearedAgencies = new[] { "ncem" } };
        return (await http["duty.operator"].PostOkAsync("api/incidents", body)).GetProperty("incidentId").GetGuid();
    }

    private static async Task WaitRoutedAsync(HttpClient commander, Guid[] incidents)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var id in incidents)
        {
            while ((await commander.GetOkAsync($"api/incidents/{id}")).GetProperty("alerts").GetArrayLength() == 0)
            {
                Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "routing did not finish");
                await Task.Delay(50);
            }
        }
    }

    private static async Task<Outcome> Rest(Context x, Caller c, HttpMethod method, string path, string? body = null, string contentType = "application/json", bool conflictIsAllowed = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var response = await x.Http[c.User].SendAsync(request);
        return response.StatusCode switch
        {
            >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices => Outcome.Allowed,
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => Outcome.Denied,
            HttpStatusCode.Conflict when conflictIsAllowed => Outcome.Allowed,
            var other => throw new AssertionException($"{method} {path} by {c.User} answered {(int)other}: {await response.Content.ReadAsStringAsync()}"),
        };
    }

    private static async Task<Outcome> Invoke(Context x, Caller c, string method, params object?[] args)
    {
        try
        {
            await x.Realtime[c.User].Connection.InvokeCoreAsync(method, typeof(object), args);
            return Outcome.Allowed;
        }
        catch (HubException ex) when (CoordinationException.FromHub(ex)?.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return Outcome.Denied;
        }
    }
}
