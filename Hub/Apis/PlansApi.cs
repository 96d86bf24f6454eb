using Coordination.Hub.Features.Plans;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/plans: the library of contingency plans, kept in the log, and each plan's history.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/plans", "Plans");
        group.MapGet("/", (ListPlans useCase, HttpContext http) => http.RunAsync(useCase, new ListPlans.Query()));
        group.MapGet("/{planId:guid}", (Guid planId, GetPlan useCase, HttpContext http) => http.RunAsync(useCase, new GetPlan.Query(planId))).Refuses(Status404NotFound);
        group.MapPost("/", (PlanRequest request, RecordPlan useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict);
        group.MapPut("/{planId:guid}", (Guid planId, ChangePlanRequest request, ChangePlan useCase, HttpContext http) =>
            http.RunAsync(useCase, new ChangePlan.Command(planId, request.Plan, request.ExpectedVersion)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        return app;
    }

    /// <summary>A change: the whole plan as it should stand (with a reason), and the version it was made from.</summary>
    public sealed record ChangePlanRequest(PlanRequest? Plan, int? ExpectedVersion);
}
