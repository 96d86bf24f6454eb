using Coordination.Hub.Features.Routing;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>The routing rules, kept in the log: administrators export, change and review them; who reports previews who a report would alert.</summary>
public static class RoutingApi
{
    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapApi("/api/admin/routing-rules", "Admin");
        admin.MapGet("/", (ExportRoutingRules useCase, HttpContext http) => http.RunAsync(useCase, new ExportRoutingRules.Query())).Refuses(Status403Forbidden);
        admin.MapPut("/", (ChangeRoutingRules.Request request, ChangeRoutingRules useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict);
        admin.MapGet("/history", (RoutingRulesHistory useCase, HttpContext http) => http.RunAsync(useCase, new RoutingRulesHistory.Query())).Refuses(Status403Forbidden);

        var routing = app.MapApi("/api/routing", "Routing");
        routing.MapPost("/preview", (PreviewRouting.Request request, PreviewRouting useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden);
        return app;
    }
}
