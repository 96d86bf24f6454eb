using Coordination.Hub.Features.Standards;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>The standards partners speak: an incident's history as OASIS CAP 1.2 messages in an Atom feed.</summary>
public static class StandardsApi
{
    public static IEndpointRouteBuilder MapStandardsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/incidents", "Standards");
        group.MapGet("/{incidentId:guid}/cap", async (Guid incidentId, IncidentCapFeed useCase, HttpContext http) =>
                Results.Text(await http.RunAsync(useCase, new IncidentCapFeed.Query(incidentId)), "application/atom+xml", System.Text.Encoding.UTF8))
            .Produces<string>(Status200OK, "application/atom+xml")
            .Refuses(Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        return app;
    }
}
