using Coordination.Hub.Features.Performance;

namespace Coordination.Hub.Apis;

/// <summary>/api/performance: how fast each agency acknowledges its alerts.</summary>
public static class PerformanceApi
{
    public static IEndpointRouteBuilder MapPerformanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/performance/agencies", (ResponseFiguresQuery query, HttpContext context, int? days, bool? exercise) =>
                query.RunAsync(context.Caller(), days ?? 30, exercise ?? false, context.RequestAborted))
            .RequireAuthorization().WithTags("Performance");
        return app;
    }
}
