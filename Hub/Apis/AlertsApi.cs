using Coordination.Hub.Features.Alerts;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/alerts: the caller's agency inbox (or, for the duty office and commanders, any agency's), newest first.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapApi("/api/alerts", "Alerts").MapGet("/", (ReadInbox useCase, HttpContext http, string? agency, int? limit) =>
            http.RunAsync(useCase, new ReadInbox.Query(agency, limit))).Refuses(Status400BadRequest, Status403Forbidden, Status429TooManyRequests);
        return app;
    }
}
