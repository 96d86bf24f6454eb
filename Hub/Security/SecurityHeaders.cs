namespace Coordination.Hub.Security;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing (clickjacking), no referrer leaks, and a
/// Content-Security-Policy that allows only the hub's own scripts and styles, never inline ones, so text
/// typed into an incident can never run as script in the console.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy. <paramref name="tileOrigin"/> is the optional map tile server, the only other origin images may
    /// come from; <paramref name="connectOrigins"/> the only origins besides the hub's own that pages may call or open
    /// a WebSocket to (<c>AllowedOrigins</c>). The hub's own WebSocket needs nothing more: <c>'self'</c> matches ws:
    /// and wss: to the page's host (CSP Level 3), where a bare <c>ws: wss:</c> would let injected script send
    /// what it read to any host.
    /// </summary>
    public static string ContentSecurityPolicy(string? tileOrigin = null, IEnumerable<string>? connectOrigins = null) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; " +
        $"connect-src {string.Join(' ', ["'self'", .. (connectOrigins ?? []).Select(Origin)])}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? tileOrigin)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policy = ContentSecurityPolicy(tileOrigin, app.ApplicationServices.GetRequiredService<SecurityOptions>().AllowedOrigins);
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

    // Only scheme, host and port reach the header, so a setting cannot add a directive of its own.
    private static string Origin(string configured) =>
        Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new InvalidOperationException($"{SecurityOptions.Section}:AllowedOrigins must hold absolute http(s) origins, not '{configured}'.");
}
