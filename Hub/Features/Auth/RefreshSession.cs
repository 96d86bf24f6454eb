using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Accounts;
using FluentValidation;

namespace Coordination.Hub.Features.Auth;

/// <summary>A refresh token, used once, for a new token and a new refresh token; a disabled user's refresh fails.</summary>
public sealed class RefreshSession(UserAccounts users, AccountStore accounts, SessionTokens tokens) : IUseCase<RefreshSession.Command, SessionTokens.SignInResponse>
{
    public sealed record Command(string? RefreshToken, string ClientAddress) : IFromAddress;

    /// <summary>Longer than any refresh token the hub issues (43 characters), with room to spare.</summary>
    public const int MaxRefreshToken = 100;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.RefreshToken).Cascade(CascadeMode.Stop).NotEmpty().Says(Invalid.RefreshTokenMissing)
            .MaximumLength(MaxRefreshToken).Says(Invalid.RefreshTokenTooLong(MaxRefreshToken));
    }

    public Policy Policy => Policies.Anyone;

    public RateLimit RateLimit => RateLimit.SignInsPerAddress;

    public async Task<SessionTokens.SignInResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userName = await accounts.RedeemRefreshTokenAsync(request.RefreshToken!, cancellationToken);
        var user = userName is null ? null : await users.FindAsync(userName, cancellationToken);
        return user is null ? throw Refuse.RefreshFailed() : await tokens.IssueAsync(user, cancellationToken);
    }
}
