using Coordination.Hub.Features.Evaluation;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/evaluation: the figures of a period or an exercise, the alerts and tasks behind each figure, and the report as a printable page or PDF.</summary>
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
        group.MapGet("/report", async (PrintEvaluation useCase, HttpContext http, string? format, string? period, string? ending, string? from, string? to, Guid? exercise) =>
            {
                var report = await http.RunAsync(useCase, new PrintEvaluation.Query(format, period, ending, from, to, exercise));
                return Results.File(report.Content, report.ContentType, report.FileName);
            })
            .Produces(Status200OK, contentType: "text/html")
            .Produces(Status200OK, contentType: "application/pdf")
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status429TooManyRequests, Status503ServiceUnavailable);
        return app;
    }
}
