using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.FollowUp;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/improvements and /api/meetings: the joint committee's follow-up, its improvement items and coordination meetings.</summary>
public static class FollowUpApi
{
    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var items = app.MapApi("/api/improvements", "Follow-up");
        items.MapGet("/", (string? ownerAgency, string? status, [NamesOf(typeof(ImprovementSource))] string? source, Guid? sourceId, bool? overdue, ListImprovementItems useCase, HttpContext http) =>
            http.RunAsync(useCase, new ListImprovementItems.Query(ownerAgency, status, source, sourceId, overdue))).Refuses(Status400BadRequest);
        items.MapGet("/{itemId:guid}", (Guid itemId, GetImprovementItem useCase, HttpContext http) => http.RunAsync(useCase, new GetImprovementItem.Query(itemId)))
            .Refuses(Status404NotFound);
        items.MapPost("/", (ImprovementItemRequest request, RecordImprovementItem useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden);
        items.MapPost("/{itemId:guid}/complete", (Guid itemId, CompleteItemRequest request, CompleteImprovementItem useCase, HttpContext http) =>
            http.RunAsync(useCase, new CompleteImprovementItem.Command(itemId, request.Note)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        items.MapPost("/{itemId:guid}/due-date", (Guid itemId, DueDateRequest request, ChangeImprovementDueDate useCase, HttpContext http) =>
            http.RunAsync(useCase, new ChangeImprovementDueDate.Command(itemId, request.DueDate, request.Reason)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);

        var meetings = app.MapApi("/api/meetings", "Follow-up");
        meetings.MapGet("/", (ListMeetings useCase, HttpContext http) => http.RunAsync(useCase, new ListMeetings.Query()));
        meetings.MapGet("/agenda", (int? days, GetMeetingAgenda useCase, HttpContext http) => http.RunAsync(useCase, new GetMeetingAgenda.Query(days)))
            .Refuses(Status400BadRequest, Status403Forbidden);
        meetings.MapGet("/{meetingId:guid}", (Guid meetingId, GetMeeting useCase, HttpContext http) => http.RunAsync(useCase, new GetMeeting.Query(meetingId)))
            .Refuses(Status404NotFound);
        meetings.MapPost("/", (RecordMeeting.Request request, RecordMeeting useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden);
        return app;
    }

    /// <summary>What was done.</summary>
    public sealed record CompleteItemRequest(string? Note);

    /// <summary>The new due date and why it moves.</summary>
    public sealed record DueDateRequest(DateOnly? DueDate, string? Reason);
}
