using Coordination.Hub.Features.EventLog;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/log: catch-up by position, and the chain verifier.</summary>
public static class EventLogApi
{
    public static IEndpointRouteBuilder MapEventLogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/log", "Log");
        group.MapGet("/", (CatchUp useCase, HttpContext http, long? after, int? limit) =>
            http.RunAsync(useCase, new CatchUp.Query(after ?? 0, limit ?? CatchUp.DefaultLimit))).Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict, Status429TooManyRequests);
        group.MapGet("/verify", (VerifyLog useCase, HttpContext http) => http.RunAsync(useCase, new VerifyLog.Query())).Refuses(Status403Forbidden, Status429TooManyRequests);
        return app;
    }
}
