using Coordination.Hub.Features.Performance;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/performance: how fast each agency acknowledges its alerts.</summary>
public static class PerformanceApi
{
    public static IEndpointRouteBuilder MapPerformanceApi(this IEndpointRouteBuilder app)
    {
        app.MapApi("/api/performance", "Performance").MapGet("/agencies", (GetResponseFigures useCase, HttpContext http, int? days, bool? exercise) =>
            http.RunAsync(useCase, new GetResponseFigures.Query(days ?? 30, exercise ?? false))).Refuses(Status400BadRequest, Status403Forbidden, Status429TooManyRequests);
        return app;
    }
}
