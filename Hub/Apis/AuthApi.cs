using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Apis;

/// <summary>Sign-in: name and password for a token used by REST (Bearer) and SignalR (access_token).</summary>
public static class AuthApi
{
    public sealed record SignInRequest(string? UserName, string? Password);

    public sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, string UserName, string DisplayName, string Role, string Agency);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", SignIn).AllowAnonymous().WithTags("Auth");
        app.MapGet("/api/auth/me", (HttpContext context) => context.Caller()).RequireAuthorization().WithTags("Auth");
        return app;
    }

    private static SignInResponse SignIn(SignInRequest request, UserDirectory users, TokenIssuer issuer)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password)
            || request.UserName.Length > 100 || request.Password.Length > 200)
        {
            throw new CommandRejectedException("UserName and Password are required.");
        }

        var user = users.Verify(request.UserName, request.Password)
            ?? throw new CommandRejectedException(StatusCodes.Status401Unauthorized, "Sign-in failed", "The user name or password is wrong.");
        var (token, expires) = issuer.Issue(user);
        return new SignInResponse(token, expires, user.UserName, user.DisplayName, user.Role.ToString(), user.Agency);
    }
}
