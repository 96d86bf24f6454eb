using Coordination.Agencies.Contracts.Plans;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/incidents/{id}/plans and /tasks: contingency plans on an incident, activated by hand or stood down, and its task board and tasks.</summary>
public static class IncidentPlansApi
{
    public static IEndpointRouteBuilder MapIncidentPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/incidents/{incidentId:guid}", "Plans");
        group.MapPost("/plans", (Guid incidentId, ActivatePlanRequest request, ActivatePlan useCase, HttpContext http) =>
            http.RunAsync(useCase, ActivatePlan.Command.From(incidentId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapPost("/plans/{planCode}/stand-down", (Guid incidentId, string planCode, StandDownPlanRequest request, StandDownPlan useCase, HttpContext http) =>
            http.RunAsync(useCase, StandDownPlan.Command.From(incidentId, planCode, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapGet("/tasks", (Guid incidentId, ListTasks useCase, HttpContext http) =>
            http.RunAsync(useCase, new ListTasks.Query(incidentId))).Refuses(Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        group.MapPost("/plans/{planCode}/tasks/{taskId}/acknowledge", (Guid incidentId, string planCode, string taskId, TaskRequest request, AcknowledgeTask useCase, HttpContext http) =>
            http.RunAsync(useCase, AcknowledgeTask.Command.From(incidentId, planCode, taskId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapPost("/plans/{planCode}/tasks/{taskId}/progress", (Guid incidentId, string planCode, string taskId, TaskRequest request, ProgressTask useCase, HttpContext http) =>
            http.RunAsync(useCase, ProgressTask.Command.From(incidentId, planCode, taskId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapPost("/plans/{planCode}/tasks/{taskId}/complete", (Guid incidentId, string planCode, string taskId, TaskRequest request, CompleteTask useCase, HttpContext http) =>
            http.RunAsync(useCase, CompleteTask.Command.From(incidentId, planCode, taskId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        return app;
    }
}
