using Coordination.Hub.Features.Standards;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>The standards partners speak: CAP 1.2 (an incident's messages, feeds, messages taken in), EDXL-DE envelopes both ways, ICS-214 activity logs.</summary>
public static class StandardsApi
{
    public static IEndpointRouteBuilder MapStandardsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/incidents", "Standards");
        group.MapGet("/{incidentId:guid}/cap", async (Guid incidentId, IncidentCapFeed useCase, HttpContext http) =>
                Results.Text(await http.RunAsync(useCase, new IncidentCapFeed.Query(incidentId)), "application/atom+xml", System.Text.Encoding.UTF8))
            .Produces<string>(Status200OK, "application/atom+xml")
            .Refuses(Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        group.MapGet("/{incidentId:guid}/edxl", async (Guid incidentId, IncidentEdxl useCase, HttpContext http) =>
                Results.Text(await http.RunAsync(useCase, new IncidentEdxl.Query(incidentId)), "application/xml", System.Text.Encoding.UTF8))
            .Refuses(Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        group.MapGet("/{incidentId:guid}/activity-log", async (Guid incidentId, string? format, string? agency, ActivityLog useCase, HttpContext http) =>
            {
                var file = await http.RunAsync(useCase, new ActivityLog.Query(incidentId, format, agency));
                return Results.Text(file.Text, file.ContentType, System.Text.Encoding.UTF8);
            })
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        app.MapApi("/api/activity-log", "Standards").MapGet("/", async (string? agency, DateTimeOffset? from, DateTimeOffset? to, string? format, AgencyActivityLog useCase, HttpContext http) =>
            {
                var file = await http.RunAsync(useCase, new AgencyActivityLog.Query(agency, from, to, format));
                return Results.Text(file.Text, file.ContentType, System.Text.Encoding.UTF8);
            })
            .Refuses(Status400BadRequest, Status403Forbidden, Status429TooManyRequests);
        var feeds = app.MapApi("/api/cap", "Standards", signedIn: false);
        feeds.MapGet("/public", async (AlertsFeed useCase, HttpContext http) =>
                Results.Text(await http.RunAsync(useCase, new AlertsFeed.Query(Public: true, http.Connection.RemoteIpAddress?.ToString() ?? "unknown")), "application/atom+xml", System.Text.Encoding.UTF8))
            .Refuses(Status429TooManyRequests);
        app.MapApi("/api/cap", "Standards").MapGet("/feed", async (AlertsFeed useCase, HttpContext http) =>
                Results.Text(await http.RunAsync(useCase, new AlertsFeed.Query(Public: false, "user:" + (http.User.Identity?.Name ?? ""))), "application/atom+xml", System.Text.Encoding.UTF8))
            .Refuses(Status403Forbidden, Status429TooManyRequests);
        app.MapApi("/api/cap", "Standards").MapPost("/", async (ImportCap useCase, HttpContext http) =>
            {
                // The XML as sent: its declaration names its encoding. The hub's body limit bounds it (413 beyond).
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
                return await http.RunAsync(useCase, new ImportCap.Message(buffer.ToArray()));
            })
            .Accepts<string>("application/cap+xml", "application/xml", "text/xml")
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict, Status429TooManyRequests);
        app.MapApi("/api/edxl", "Standards").MapPost("/", async (ImportEdxl useCase, HttpContext http) =>
            {
                using var buffer = new MemoryStream();
                await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
                return await http.RunAsync(useCase, new ImportEdxl.Envelope(buffer.ToArray()));
            })
            .Accepts<string>("application/xml", "text/xml")
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict, Status429TooManyRequests);
        return app;
    }
}
