using Coordination.Persistence.Accounts;
using Coordination.Hub.Security;

namespace Coordination.Hub.Auth;

/// <summary>What a successful sign-in or refresh answers: a signed token and a refresh token that works once.</summary>
public sealed class SessionTokens(TokenIssuer issuer, AccountStore accounts, SecurityOptions security)
{
    public sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, string RefreshToken, string UserName, string DisplayName, string Role, string Agency);

    public async Task<SignInResponse> IssueAsync(HubUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (token, expires) = issuer.Issue(user);
        var refresh = await accounts.IssueRefreshTokenAsync(user.UserName, security.RefreshTokenLifetime, cancellationToken);
        return new SignInResponse(token, expires, refresh, user.UserName, user.DisplayName, user.Role.ToString(), user.Agency);
    }
}
