using Coordination.Hub.Localization;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Security;
using Coordination.Persistence.Accounts;

namespace Coordination.Hub.Apis;

/// <summary>
/// Sign-in: name and password for a short-lived token (REST Bearer, SignalR access_token) and a one-time
/// refresh token. Repeated failures lock the account for a while; sign-in attempts are rate limited.
/// </summary>
public static class AuthApi
{
    public sealed record SignInRequest(string? UserName, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, string RefreshToken, string UserName, string DisplayName, string Role, string Agency);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", SignIn).AllowAnonymous().WithTags("Auth");
        app.MapPost("/api/auth/refresh", Refresh).AllowAnonymous().WithTags("Auth");
        app.MapGet("/api/auth/me", (HttpContext context) => context.Caller()).RequireAuthorization().WithTags("Auth");
        return app;
    }

    private static async Task<SignInResponse> SignIn(SignInRequest request, UserDirectory users, TokenIssuer issuer, AccountStore accounts, SecurityOptions security, Throttle throttle, TimeProvider time, HttpContext context)
    {
        throttle.SignIn(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password)
            || request.UserName.Length > 100 || request.Password.Length > 200)
        {
            throw new CommandRejectedException("UserName and Password are required.");
        }

        var cancellationToken = context.RequestAborted;
        if (await accounts.LockedUntilAsync(request.UserName, cancellationToken) is { } lockedUntil)
        {
            throw CommandRejectedException.TooManyRequests(
                Say.Of($"Too many failed sign-ins: this account is locked until {lockedUntil:HH:mm} UTC.", $"محاولات دخول فاشلة كثيرة: الحساب مقفل حتى {lockedUntil:HH:mm} بالتوقيت العالمي."), lockedUntil - time.GetUtcNow());
        }

        var user = await users.VerifyAsync(request.UserName, request.Password, cancellationToken);
        if (user is null)
        {
            if (await users.ExistsAsync(request.UserName, cancellationToken))
            {
                await accounts.RecordFailureAsync(request.UserName, security.MaxFailedSignIns, security.LockoutDuration, cancellationToken);
            }

            throw new CommandRejectedException(StatusCodes.Status401Unauthorized, Say.Of("Sign-in failed", "فشل تسجيل الدخول"), Say.Of("The user name or password is wrong.", "اسم المستخدم أو كلمة المرور غير صحيحة."));
        }

        await accounts.RecordSuccessAsync(user.UserName, cancellationToken);
        return await IssueAsync(user, issuer, accounts, security, cancellationToken);
    }

    private static async Task<SignInResponse> Refresh(RefreshRequest request, UserDirectory users, TokenIssuer issuer, AccountStore accounts, SecurityOptions security, Throttle throttle, HttpContext context)
    {
        throttle.SignIn(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 100)
        {
            throw new CommandRejectedException("RefreshToken is required.");
        }

        var userName = await accounts.RedeemRefreshTokenAsync(request.RefreshToken, context.RequestAborted);
        var user = userName is null ? null : await users.FindAsync(userName, context.RequestAborted);
        if (user is null)
        {
            throw new CommandRejectedException(StatusCodes.Status401Unauthorized, "Refresh failed", "The refresh token is unknown, expired or already used: sign in again.");
        }

        return await IssueAsync(user, issuer, accounts, security, context.RequestAborted);
    }

    private static async Task<SignInResponse> IssueAsync(HubUser user, TokenIssuer issuer, AccountStore accounts, SecurityOptions security, CancellationToken cancellationToken)
    {
        var (token, expires) = issuer.Issue(user);
        var refresh = await accounts.IssueRefreshTokenAsync(user.UserName, security.RefreshTokenLifetime, cancellationToken);
        return new SignInResponse(token, expires, refresh, user.UserName, user.DisplayName, user.Role.ToString(), user.Agency);
    }
}
