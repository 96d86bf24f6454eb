namespace Coordination.Hub.Security;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing (clickjacking), no referrer leaks, and a
/// Content-Security-Policy that allows only the hub's own scripts and styles, never inline ones, so text
/// typed into an incident can never run as script in the console.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy; <paramref name="tileOrigin"/> is the optional map tile server, the only other origin images may come from.</summary>
    public static string ContentSecurityPolicy(string? tileOrigin = null) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin)
    {
        var policy = ContentSecurityPolicy(tileOrigin);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = policy;
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
