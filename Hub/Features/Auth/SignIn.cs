using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Hub.Security;
using Coordination.Persistence.Accounts;
using FluentValidation;

namespace Coordination.Hub.Features.Auth;

/// <summary>
/// Name and password for a short-lived token (REST Bearer, SignalR access_token) and a one-time refresh token.
/// Repeated failures lock the account for a while; attempts are limited per client address.
/// </summary>
public sealed class SignIn(UserAccounts users, AccountStore accounts, SessionTokens tokens, SecurityOptions security, TimeProvider time)
    : IUseCase<SignIn.Command, SessionTokens.SignInResponse>
{
    public sealed record Command(string? UserName, string? Password, string ClientAddress) : IFromAddress;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.UserName) && !string.IsNullOrEmpty(c.Password) && c.UserName.Length <= 100 && c.Password.Length <= 200)
                .OverridePropertyName("request").Says(Invalid.CredentialsRequired);
        }
    }

    public Policy Policy => Policies.Anyone;

    public RateLimit RateLimit => RateLimit.SignInsPerAddress;

    public async Task<SessionTokens.SignInResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userName = request.UserName!;
        if (await accounts.LockedUntilAsync(userName, cancellationToken) is { } lockedUntil)
        {
            throw Refuse.AccountLocked(lockedUntil, lockedUntil - time.GetUtcNow());
        }

        var user = await users.VerifyAsync(userName, request.Password!, cancellationToken);
        if (user is null)
        {
            if (await users.ExistsAsync(userName, cancellationToken))
            {
                await accounts.RecordFailureAsync(userName, security.MaxFailedSignIns, security.LockoutDuration, cancellationToken);
            }

            throw Refuse.SignInFailed();
        }

        await accounts.RecordSuccessAsync(user.UserName, cancellationToken);
        return await tokens.IssueAsync(user, cancellationToken);
    }
}
