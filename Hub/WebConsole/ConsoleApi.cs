namespace Coordination.Hub.WebConsole;

/// <summary>/api/console/settings: what the web console needs to know about this deployment.</summary>
public static class ConsoleApi
{
    /// <summary>The map's optional tile layer.</summary>
    public sealed record ConsoleSettings(string? TileUrl, string? TileAttribution);

    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/console/settings", (ConsoleOptions options) => new ConsoleSettings(
                string.IsNullOrWhiteSpace(options.TileUrl) ? null : options.TileUrl,
                string.IsNullOrWhiteSpace(options.TileAttribution) ? null : options.TileAttribution))
            .RequireAuthorization().WithTags("Console");
        return app;
    }
}
