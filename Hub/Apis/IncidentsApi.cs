using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/incidents: report, list, read with timeline, acknowledge, update, change status, change a restricted incident's clearance.</summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/incidents", "Incidents");
        group.MapPost("/", Report).Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict, Status429TooManyRequests);
        group.MapGet("/", (ListIncidents useCase, HttpContext http, [NamesOf(typeof(IncidentStatus))] string? status, [NamesOf(typeof(HazardType))] string? hazard, string? district, int? limit) =>
            http.RunAsync(useCase, new ListIncidents.Query(status, hazard, district, limit))).Refuses(Status400BadRequest, Status403Forbidden, Status429TooManyRequests);
        group.MapGet("/{incidentId:guid}", (Guid incidentId, GetIncident useCase, HttpContext http) =>
            http.RunAsync(useCase, incidentId)).Refuses(Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        group.MapPost("/{incidentId:guid}/acknowledge", (Guid incidentId, AcknowledgeAlertRequest request, AcknowledgeAlert useCase, HttpContext http) =>
            http.RunAsync(useCase, AcknowledgeAlert.Command.From(incidentId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapPost("/{incidentId:guid}/updates", (Guid incidentId, PostUpdateRequest request, PostUpdate useCase, HttpContext http) =>
            http.RunAsync(useCase, PostUpdate.Command.From(incidentId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapPost("/{incidentId:guid}/status", (Guid incidentId, ChangeStatusRequest request, ChangeStatus useCase, HttpContext http) =>
            http.RunAsync(useCase, ChangeStatus.Command.From(incidentId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapPost("/{incidentId:guid}/clearance", (Guid incidentId, ChangeClearanceRequest request, ChangeClearance useCase, HttpContext http) =>
            http.RunAsync(useCase, ChangeClearance.Command.From(incidentId, request))).Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        return app;
    }

    // 201 with the new incident's address; a retry of a stored report answers 200 with the same body.
    private static async Task<IResult> Report(ReportIncidentRequest request, ReportIncident useCase, HttpContext http)
    {
        var result = await http.RunAsync(useCase, request);
        return result.WasDuplicate ? TypedResults.Ok(result) : TypedResults.Created($"/api/incidents/{result.IncidentId}", result);
    }
}
