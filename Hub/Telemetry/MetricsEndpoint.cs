using System.Security.Cryptography;
using System.Text;

namespace Coordination.Hub.Telemetry;

/// <summary>
/// <c>GET /metrics</c>: the hub's figures for Prometheus, to a caller that shows the metrics token as a bearer token
/// (<c>Coordination:Telemetry:MetricsToken</c>; Prometheus' <c>authorization: credentials_file</c>). Not a role's:
/// Prometheus is no user, and a user's token (which expires within the hour) would not serve a scraper. Without a
/// token set, or with metrics off, the path does not exist (404). The figures are counts by agency code, reason and
/// route: no incident content, no user name.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static void MapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetService<PrometheusExposition>(); // listening from now, not from the first scrape
        app.MapGet(Path, ServeAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ServeAsync(HttpContext context, TelemetryOptions options, IServiceProvider services)
    {
        if (!options.Metrics || string.IsNullOrEmpty(options.MetricsToken) || services.GetService<PrometheusExposition>() is not { } exposition)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "no-store";
        if (!Authorized(context.Request.Headers.Authorization.ToString(), options.MetricsToken))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"metrics\"";
            return Results.Unauthorized();
        }

        await services.GetRequiredService<HubTelemetry>().RefreshAsync(context.RequestAborted);
        var text = await exposition.WriteAsync(context.RequestAborted);
        return Results.Text(text, "text/plain; version=0.0.4; charset=utf-8");
    }

    private static bool Authorized(string header, string token)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Compared as hashes, in fixed time: neither the token's length nor its first right characters leak by timing.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }
}
