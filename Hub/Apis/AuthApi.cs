using Coordination.Hub.Features.Auth;
using Coordination.Hub.Pipeline;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Coordination.Hub.Apis;

/// <summary>/api/auth: sign-in, refresh (both without a token) and who am I.</summary>
public static class AuthApi
{
    /// <summary>Name and password.</summary>
    public sealed record SignInRequest(string? UserName, string? Password);

    /// <summary>A refresh token from an earlier sign-in or refresh.</summary>
    public sealed record RefreshRequest(string? RefreshToken);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        // Tokens must not be kept by a browser's cache or a proxy (RFC 6749 5.1); refusals carry the same headers.
        var open = app.MapApi("/api/auth", "Auth", signedIn: false).AddEndpointFilter(NoStore);
        open.MapPost("/token", (SignInRequest request, SignIn useCase, HttpContext http) =>
            http.RunAsync(useCase, new SignIn.Command(request.UserName, request.Password, ClientAddress(http)))).Refuses(Status400BadRequest, Status401Unauthorized, Status429TooManyRequests);
        open.MapPost("/refresh", (RefreshRequest request, RefreshSession useCase, HttpContext http) =>
            http.RunAsync(useCase, new RefreshSession.Command(request.RefreshToken, ClientAddress(http)))).Refuses(Status400BadRequest, Status401Unauthorized, Status429TooManyRequests);
        app.MapApi("/api/auth", "Auth").MapGet("/me", (WhoAmI useCase, HttpContext http) => http.RunAsync(useCase, new WhoAmI.Query()));
        return app;
    }

    private static ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        return next(context);
    }

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
