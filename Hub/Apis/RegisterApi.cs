using Coordination.Agencies.Contracts.Register;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Register;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/register: the national risk register, kept in the log; its heat map, history, export and import.</summary>
public static class RegisterApi
{
    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/register", "Register");
        group.MapGet("/", ([NamesOf(typeof(RiskTheme))] string? theme, string? agency, string? district, DateTimeOffset? asOf, ListRisks useCase, HttpContext http) =>
            http.RunAsync(useCase, new ListRisks.Query(theme, agency, district, asOf))).Refuses(Status400BadRequest);
        group.MapGet("/heatmap", ([NamesOf(typeof(RiskTheme))] string? theme, string? agency, string? district, DateTimeOffset? asOf, RegisterHeatMap useCase, HttpContext http) =>
            http.RunAsync(useCase, new RegisterHeatMap.Query(theme, agency, district, asOf))).Refuses(Status400BadRequest);
        group.MapGet("/{riskId:guid}", (Guid riskId, GetRisk useCase, HttpContext http) => http.RunAsync(useCase, new GetRisk.Query(riskId))).Refuses(Status404NotFound);
        group.MapPost("/", (RiskRequest request, RecordRisk useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict);
        group.MapPut("/{riskId:guid}", (Guid riskId, ChangeRiskRequest request, ChangeRisk useCase, HttpContext http) =>
            http.RunAsync(useCase, new ChangeRisk.Command(riskId, request.Risk, request.ExpectedVersion)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapGet("/gaps", (ListGaps useCase, HttpContext http) => http.RunAsync(useCase, new ListGaps.Query()));
        group.MapGet("/{riskId:guid}/gaps", (Guid riskId, GetRiskGaps useCase, HttpContext http) => http.RunAsync(useCase, new GetRiskGaps.Query(riskId))).Refuses(Status404NotFound);
        group.MapPost("/{riskId:guid}/review", (Guid riskId, ReviewRiskRequest request, ReviewRisk useCase, HttpContext http) =>
            http.RunAsync(useCase, new ReviewRisk.Command(riskId, request.NextReview, request.Note, request.ExpectedVersion)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        group.MapGet("/export", async (string? format, DateTimeOffset? asOf, ExportRegister useCase, HttpContext http) =>
        {
            var file = await http.RunAsync(useCase, new ExportRegister.Query(format, asOf));
            return Results.Text(file.Text, file.ContentType, System.Text.Encoding.UTF8);
        }).Refuses(Status400BadRequest);
        group.MapPost("/import", async (string? reason, ImportRegister useCase, HttpContext http) =>
        {
            // The CSV is the body itself: a whole register (500 risks is about half a megabyte) is more than a command,
            // so this endpoint alone reads up to 4 MB (413 beyond).
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = 4 * 1024 * 1024;
            }

            // The bytes as sent: the use case refuses a file that is not UTF-8 rather than read it with replacements.
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            return await http.RunAsync(useCase, new ImportRegister.Command(buffer.ToArray(), reason));
        }).Accepts<string>("text/csv").Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict);
        return app;
    }

    /// <summary>A review that leaves the scores as they are: the next review date, what the review found, and the version it was made from.</summary>
    public sealed record ReviewRiskRequest(DateOnly? NextReview, string? Note, int? ExpectedVersion);

    /// <summary>A change: the whole risk as it should stand (with a reason), and the version it was made from.</summary>
    public sealed record ChangeRiskRequest(RiskRequest Risk, int? ExpectedVersion);
}
