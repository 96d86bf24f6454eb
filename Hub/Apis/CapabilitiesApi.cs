using Coordination.Hub.Features.Capabilities;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/capabilities: what each agency holds, declared by the agency and kept in the log.</summary>
public static class CapabilitiesApi
{
    public static IEndpointRouteBuilder MapCapabilitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/capabilities", "Capabilities");
        group.MapGet("/", (ListCapabilities useCase, HttpContext http) => http.RunAsync(useCase, new ListCapabilities.Query()));
        group.MapGet("/{agency}", (string agency, GetCapabilities useCase, HttpContext http) => http.RunAsync(useCase, new GetCapabilities.Query(agency))).Refuses(Status404NotFound);
        group.MapPut("/{agency}", (string agency, DeclarationRequest request, DeclareCapabilities useCase, HttpContext http) =>
            http.RunAsync(useCase, new DeclareCapabilities.Command(agency, request.Holdings, request.Reason, request.ExpectedVersion)))
            .Refuses(Status400BadRequest, Status403Forbidden, Status404NotFound, Status409Conflict);
        return app;
    }

    /// <summary>A declaration: every line the agency holds, why (required after the first), and the version it was made from.</summary>
    public sealed record DeclarationRequest(IReadOnlyList<HoldingRequest?>? Holdings, string? Reason, int? ExpectedVersion);
}
