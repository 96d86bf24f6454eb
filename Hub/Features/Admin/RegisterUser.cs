using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Accounts;
using FluentValidation;

namespace Coordination.Hub.Features.Admin;

/// <summary>
/// An administrator registers a user, or changes their name, role or agency (a password is required for a new
/// user). The change is an entry on the directory stream; the password is hashed into the credentials table.
/// </summary>
public sealed partial class RegisterUser(DirectoryEntries directory, DirectoryStore store) : IUseCase<RegisterUser.RegisterUserRequest, DirectoryChanged>
{
    public sealed record RegisterUserRequest(string? UserName, string? DisplayName, Role? Role, string? Agency, string? Password);

    /// <summary>The longest user name (<see cref="UserNamePattern"/>); sign-in refuses a longer one without looking.</summary>
    public const int UserNameMaxLength = 64;

    /// <summary>The longest password; sign-in refuses a longer one without looking.</summary>
    public const int PasswordMaxLength = 200;

    public sealed class Validator : AbstractValidator<RegisterUserRequest>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(r => r.UserName).NotEmpty().Says(Invalid.UserNameRequired).Matches(UserNamePattern()).Says(Invalid.UserNameShape);
            RuleFor(r => r.DisplayName).NotEmpty().Says(Invalid.DisplayNameRequired).SafeText(200, multiline: false, "الاسم المعروض");
            RuleFor(r => r.Role).NotNull().Says(Invalid.RoleRequired);
            RuleFor(r => r.Agency).NotEmpty().Says(Invalid.AgencyRequired).Must(agencies.Exists).Says(Invalid.UnknownAgency);
            RuleFor(r => r.Agency).Must(a => !agencies.IsDutyOffice(a)).Says(Invalid.DutyOfficeHasNoLiaison).When(r => r.Role == Role.Liaison);
            RuleFor(r => r.Password).MinimumLength(12).Says(Invalid.PasswordTooShort).MaximumLength(PasswordMaxLength).Says(Invalid.PasswordTooLong)
                // Twelve spaces pass a length rule and sign in: padding is not a secret.
                .Must(p => p is null || p.Length < 12 || p.Count(c => !char.IsWhiteSpace(c)) >= 12).Says(Invalid.PasswordMostlySpaces);
        }
    }

    public Policy Policy => Policies.ManageDirectory;

    public async Task<DirectoryChanged> HandleAsync(Caller caller, RegisterUserRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(request.UserName, caller.UserName, StringComparison.OrdinalIgnoreCase) && request.Role != Role.Administrator)
        {
            // As with disabling: an administrator who demotes themselves may have been the last one.
            throw Refuse.CannotDemoteYourself();
        }

        var isNew = await store.UserAsync(request.UserName!, cancellationToken) is null;
        if (isNew && string.IsNullOrEmpty(request.Password))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(RegisterUserRequest.Password), Invalid.PasswordForNewUser.ToString())]);
        }

        var position = await directory.AppendAsync(caller, Guid.CreateVersion7(), EventTypes.UserRegistered,
            new UserRegistered(request.UserName!, request.DisplayName!, request.Role!.Value.ToString(), request.Agency!, caller.UserName), cancellationToken);
        if (!string.IsNullOrEmpty(request.Password))
        {
            await store.SetPasswordHashAsync(request.UserName!, UserAccounts.HashPassword(request.UserName!, request.Password), cancellationToken);
            position = await directory.AppendAsync(caller, Guid.CreateVersion7(), EventTypes.UserPasswordSet, new UserPasswordSet(request.UserName!, caller.UserName), cancellationToken);
        }

        return new DirectoryChanged(position);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();
}
