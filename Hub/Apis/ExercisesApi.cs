using Coordination.Hub.Features.Exercises;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/scenarios and /api/exercises: the library of exercise scenarios, kept in the log, and the exercises run from them.</summary>
public static class ExercisesApi
{
    public static IEndpointRouteBuilder MapExercisesApi(this IEndpointRouteBuilder app)
    {
        var scenarios = app.MapApi("/api/scenarios", "Exercises");
        scenarios.MapGet("/", (ListScenarios useCase, HttpContext http) => http.RunAsync(useCase, new ListScenarios.Query())).Refuses(Status403Forbidden);
        scenarios.MapGet("/{scenarioId:guid}", (Guid scenarioId, GetScenario useCase, HttpContext http) => http.RunAsync(useCase, new GetScenario.Query(scenarioId)))
            .Refuses(Status403Forbidden, Status404NotFound);
        scenarios.MapGet("/{scenarioId:guid}/export", async (Guid scenarioId, ExportScenario useCase, HttpContext http) =>
        {
            var file = await http.RunAsync(useCase, new ExportScenario.Query(scenarioId));
            // A file to keep and import elsewhere: the same JSON POST /api/scenarios takes.
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"scenario-{file.Code}.json\"";
            return Results.Json(file, HubJson(http));
        }).Refuses(Status403Forbidden, Status404NotFound);
        scenarios.MapPost("/", (ScenarioRequest request, RecordScenario useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden, Status409Conflict);
        scenarios.MapPut("/{scenarioId:guid}", (Guid scenarioId, ChangeScenarioRequest request, ChangeScenario useCase, HttpContext http) =>
            http.RunAsync(useCase, new ChangeScenario.Command(scenarioId, request.Scenario, request.ExpectedVersion)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);

        var exercises = app.MapApi("/api/exercises", "Exercises");
        exercises.MapGet("/", (ListExercises useCase, HttpContext http) => http.RunAsync(useCase, new ListExercises.Query())).Refuses(Status403Forbidden);
        exercises.MapGet("/{exerciseId:guid}", (Guid exerciseId, GetExercise useCase, HttpContext http) => http.RunAsync(useCase, new GetExercise.Query(exerciseId)))
            .Refuses(Status403Forbidden, Status404NotFound);
        exercises.MapPost("/", (StartExercise.Request request, StartExercise useCase, HttpContext http) => http.RunAsync(useCase, request))
            .Refuses(Status400BadRequest, Status403Forbidden);
        exercises.MapPost("/{exerciseId:guid}/pause", (Guid exerciseId, PauseExercise useCase, HttpContext http) => http.RunAsync(useCase, new PauseExercise.Command(exerciseId)))
            .Refuses(Status403Forbidden, Status404NotFound, Status409Conflict);
        exercises.MapPost("/{exerciseId:guid}/resume", (Guid exerciseId, ResumeExercise useCase, HttpContext http) => http.RunAsync(useCase, new ResumeExercise.Command(exerciseId)))
            .Refuses(Status403Forbidden, Status404NotFound, Status409Conflict);
        exercises.MapPost("/{exerciseId:guid}/abort", (Guid exerciseId, AbortExerciseRequest request, AbortExercise useCase, HttpContext http) =>
            http.RunAsync(useCase, new AbortExercise.Command(exerciseId, request.Reason)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        exercises.MapGet("/{exerciseId:guid}/after-action", (Guid exerciseId, GetAfterAction useCase, HttpContext http) =>
            http.RunAsync(useCase, new GetAfterAction.Query(exerciseId)))
            .Refuses(Status403Forbidden, Status404NotFound, Status429TooManyRequests);
        exercises.MapGet("/{exerciseId:guid}/after-action/report", async (Guid exerciseId, string? format, PrintAfterAction useCase, HttpContext http) =>
            {
                var report = await http.RunAsync(useCase, new PrintAfterAction.Query(exerciseId, format));
                return Results.File(report.Content, report.ContentType, report.FileName);
            })
            .Produces(Status200OK, contentType: "text/html")
            .Produces(Status200OK, contentType: "application/pdf")
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status429TooManyRequests, Status503ServiceUnavailable);
        exercises.MapPost("/{exerciseId:guid}/findings", (Guid exerciseId, RecordFinding.Request request, RecordFinding useCase, HttpContext http) =>
            http.RunAsync(useCase, RecordFinding.Command.From(exerciseId, request)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound);
        exercises.MapPost("/{exerciseId:guid}/findings/{findingId:guid}/decision",
            (Guid exerciseId, Guid findingId, DecideProposal.Request request, DecideProposal useCase, HttpContext http) =>
            http.RunAsync(useCase, DecideProposal.Command.From(exerciseId, findingId, request)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        return app;
    }

    /// <summary>A change: the whole scenario as it should stand (with a reason), and the version it was made from.</summary>
    public sealed record ChangeScenarioRequest(ScenarioRequest? Scenario, int? ExpectedVersion);

    /// <summary>Why the exercise ends early.</summary>
    public sealed record AbortExerciseRequest(string? Reason);

    private static System.Text.Json.JsonSerializerOptions HubJson(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
}
