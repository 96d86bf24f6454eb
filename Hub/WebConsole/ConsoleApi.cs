using Coordination.Hub.Apis;
using Coordination.Hub.Features.Console;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.WebConsole;

/// <summary>/api/console/settings: what the web console needs to know about this deployment.</summary>
public static class ConsoleApi
{
    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder app)
    {
        app.MapApi("/api/console", "Console").MapGet("/settings", (GetConsoleSettings useCase, HttpContext http) => http.RunAsync(useCase, new GetConsoleSettings.Query()));
        return app;
    }
}
