using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Incidents;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Apis;

/// <summary>/api/incidents: report, list, read with timeline, acknowledge, update, change status.</summary>
public static class IncidentsApi
{
    public sealed record IncidentDetails(IncidentBoardRow Incident, IReadOnlyList<AlertRow> Alerts, IReadOnlyList<TimelineRow> Timeline);

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").RequireAuthorization().WithTags("Incidents");
        group.MapPost("/", Report);
        group.MapGet("/", List);
        group.MapGet("/{incidentId:guid}", Get);
        group.MapPost("/{incidentId:guid}/acknowledge", Acknowledge);
        group.MapPost("/{incidentId:guid}/updates", Update);
        group.MapPost("/{incidentId:guid}/status", Status);
        return app;
    }

    private static async Task<IResult> Report(ReportIncidentRequest request, ReportIncidentHandler handler, HttpContext context)
    {
        var result = await handler.HandleAsync(context.Caller(), request, context.RequestAborted);
        return result.WasDuplicate
            ? Results.Ok(result)
            : Results.Created($"/api/incidents/{result.IncidentId}", result);
    }

    private static async Task<IReadOnlyList<IncidentBoardRow>> List(
        ReadModels readModels, RestrictedAccessAudit audit, HttpContext context, IncidentStatus? status, HazardType? hazard, string? district, int? limit)
    {
        if (district is not null && !Districts.IsKnown(district))
        {
            throw new CommandRejectedException($"District '{district}' is not one of Libya's districts.");
        }

        var count = limit.Or(200);
        var caller = context.Caller();
        caller.EnsureReadsIncidents();
        var rows = await readModels.ListIncidentsAsync(
            new BoardFilter(status, hazard, district, caller.SeesEverything ? null : caller.Agency, count),
            context.RequestAborted);
        await audit.RecordAsync(caller, rows.Where(r => r.Classification == Classification.Restricted).Select(r => r.IncidentId), "list");
        return rows;
    }

    private static async Task<IncidentDetails> Get(Guid incidentId, IncidentAccess access, ReadModels readModels, IEventLog log, RestrictedAccessAudit audit, HttpContext context)
    {
        var caller = context.Caller();
        var incident = await access.GetVisibleAsync(caller, incidentId, context.RequestAborted);
        if (incident.Board.Classification == Classification.Restricted)
        {
            await audit.RecordAsync(caller, [incidentId], "details");
        }

        return new IncidentDetails(incident.Board, incident.Alerts, await IncidentTimeline.ReadAsync(log, incidentId, context.RequestAborted));
    }

    private static Task<CommandResponse> Acknowledge(Guid incidentId, AcknowledgeAlertRequest request, AcknowledgeAlertHandler handler, HttpContext context) =>
        handler.HandleAsync(context.Caller(), incidentId, request, context.RequestAborted);

    private static Task<CommandResponse> Update(Guid incidentId, PostUpdateRequest request, PostUpdateHandler handler, HttpContext context) =>
        handler.HandleAsync(context.Caller(), incidentId, request, context.RequestAborted);

    private static Task<CommandResponse> Status(Guid incidentId, ChangeStatusRequest request, ChangeStatusHandler handler, HttpContext context) =>
        handler.HandleAsync(context.Caller(), incidentId, request, context.RequestAborted);
}
