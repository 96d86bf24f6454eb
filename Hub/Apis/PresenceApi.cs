using Coordination.Hub.Features.Presence;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/presence: who of each agency is connected, across every hub.</summary>
public static class PresenceApi
{
    public static IEndpointRouteBuilder MapPresenceApi(this IEndpointRouteBuilder app)
    {
        app.MapApi("/api/presence", "Presence").MapGet("", (GetPresence useCase, HttpContext http) =>
            http.RunAsync(useCase, new GetPresence.Query())).Refuses(Status403Forbidden, Status429TooManyRequests);
        return app;
    }
}
