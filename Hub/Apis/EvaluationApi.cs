using Coordination.Hub.Features.Evaluation;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/evaluation: the figures of a period or an exercise, and the alerts and tasks behind each figure.</summary>
public static class EvaluationApi
{
    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/evaluation", "Evaluation");
        group.MapGet("/", (GetEvaluation useCase, HttpContext http, string? period, string? ending, string? from, string? to, Guid? exercise) =>
            http.RunAsync(useCase, new GetEvaluation.Query(period, ending, from, to, exercise)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        group.MapGet("/entries", (ListEvaluationEntries useCase, HttpContext http, string? figure, string? agency, string? hazard, string? district, int? level, bool? previous,
                string? period, string? ending, string? from, string? to, Guid? exercise) =>
            http.RunAsync(useCase, new ListEvaluationEntries.Query(figure, agency, hazard, district, level, previous ?? false, period, ending, from, to, exercise)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        return app;
    }
}
