using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Admin;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Hub.Security;
using Coordination.Persistence.Accounts;
using FluentValidation;

namespace Coordination.Hub.Features.Auth;

/// <summary>
/// Name and password for a short-lived token (REST Bearer, SignalR access_token) and a one-time refresh token.
/// Every refusal is the same answer, whether the name is unknown, the password wrong, the user disabled or the
/// address locked out, and takes the same way (<see cref="SignInBackoff"/>'s hold, a password hash, a failure
/// counted), so nothing tells an account that exists from one that does not. Attempts are also limited per
/// client address.
/// </summary>
public sealed class SignIn(UserAccounts users, SignInFailureStore failures, SignInBackoff backoff, SessionTokens tokens, SecurityOptions security, TimeProvider time)
    : IUseCase<SignIn.Command, SessionTokens.SignInResponse>
{
    public sealed record Command(string? UserName, string? Password, string ClientAddress) : IFromAddress;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            // Each field by its JSON name. The lengths are every account's (RegisterUser's rules), so a longer value is
            // refused before any account is looked at, and the refusal says nothing of one. A password is taken as typed.
            RuleFor(c => c.UserName).Cascade(CascadeMode.Stop).NotEmpty().Says(Invalid.SignInUserNameRequired)
                .MaximumLength(RegisterUser.UserNameMaxLength).Says(Invalid.SignInUserNameTooLong(RegisterUser.UserNameMaxLength));
            RuleFor(c => c.Password).Cascade(CascadeMode.Stop).Must(p => !string.IsNullOrEmpty(p)).Says(Invalid.SignInPasswordRequired)
                .MaximumLength(RegisterUser.PasswordMaxLength).Says(Invalid.SignInPasswordTooLong(RegisterUser.PasswordMaxLength));
        }
    }

    public Policy Policy => Policies.Anyone;

    public RateLimit RateLimit => RateLimit.SignInsPerAddress;

    public async Task<SessionTokens.SignInResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userName = request.UserName!;
        var standing = await failures.ReadAsync(userName, request.ClientAddress, cancellationToken);
        // Held, not refused: the owner's attempt waiting here is checked when the wait ends, so a stream of wrong
        // guesses from elsewhere cannot keep them out for longer than MaxSignInDelay.
        var hold = backoff.HoldFor(standing);
        if (hold > TimeSpan.Zero)
        {
            await Task.Delay(hold, time, cancellationToken);
        }

        // Checked even when the address is locked out, so that refusal takes as long as a wrong password.
        var user = await users.VerifyAsync(userName, request.Password!, cancellationToken);
        if (user is null || backoff.LocksOut(standing))
        {
            await failures.RecordAsync(userName, request.ClientAddress, security.LockoutDuration, cancellationToken);
            throw Refuse.SignInFailed();
        }

        await failures.ClearAsync(user.UserName, request.ClientAddress, cancellationToken);
        return await tokens.IssueAsync(user, cancellationToken);
    }
}
