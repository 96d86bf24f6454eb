using Coordination.Hub.Features.EventLog;
using Coordination.Hub.Features.Seals;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/log: catch-up by position, the chain verifier, and the log's seals: sealing, exports and the public keys.</summary>
public static class EventLogApi
{
    public static IEndpointRouteBuilder MapEventLogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/log", "Log");
        group.MapGet("/", (CatchUp useCase, HttpContext http, long? after, int? limit) =>
            http.RunAsync(useCase, new CatchUp.Query(after ?? 0, limit ?? CatchUp.DefaultLimit))).Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict, Status429TooManyRequests);
        group.MapGet("/verify", (VerifyLog useCase, HttpContext http) => http.RunAsync(useCase, new VerifyLog.Query())).Refuses(Status403Forbidden, Status429TooManyRequests);
        group.MapPost("/seal", (SealLog useCase, HttpContext http) => http.RunAsync(useCase, new SealLog.Command())).Refuses(Status403Forbidden);
        group.MapGet("/export", async (long? from, long? to, ExportLog useCase, HttpContext http) =>
            {
                var file = await http.RunAsync(useCase, new ExportLog.Query(from, to));
                return Results.Stream(stream => file.WriteAsync(stream, http.RequestAborted), "application/x-ndjson", $"coordination-log-{file.First}-{file.Last}.jsonl");
            })
            .Produces<string>(Status200OK, "application/x-ndjson")
            .Refuses(Status400BadRequest, Status403Forbidden, Status429TooManyRequests);
        app.MapApi("/api/log", "Log", signedIn: false).MapGet("/seal-keys", (ListSealKeys useCase, HttpContext http) =>
                http.RunAsync(useCase, new ListSealKeys.Query(http.Connection.RemoteIpAddress?.ToString() ?? "unknown")))
            .Refuses(Status429TooManyRequests);
        return app;
    }
}
