using Coordination.Hub.Localization;
using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.Accounts;
using Coordination.Persistence.EventLog;
using FluentValidation;

namespace Coordination.Hub.Features.Admin;

/// <summary>Register an agency, or change its names.</summary>
public sealed record RegisterAgencyRequest(string? Code, string? NameAr, string? NameEn, string? Kind);

/// <summary>Register a user, or change their name, role or agency; a password is required for a new user.</summary>
public sealed record RegisterUserRequest(string? UserName, string? DisplayName, Role? Role, string? Agency, string? Password);

public sealed partial class RegisterAgencyValidator : AbstractValidator<RegisterAgencyRequest>
{
    public static readonly string[] Kinds = ["DutyOffice", "Coordination", "Response", "Security", "Humanitarian", "Municipality", "Utility"];

    public RegisterAgencyValidator()
    {
        RuleFor(r => r.Code).NotEmpty().WithMessage("Code is required.")
            .Matches(CodePattern()).WithMessage("Code must be 2 to 40 lower-case letters, digits or hyphens.");
        RuleFor(r => r.NameAr).NotEmpty().WithMessage("NameAr is required.").SafeText(200, multiline: false, "الاسم بالعربية");
        RuleFor(r => r.NameEn).NotEmpty().WithMessage("NameEn is required.").SafeText(200, multiline: false, "الاسم بالإنجليزية");
        RuleFor(r => r.Kind).Must(k => Kinds.Contains(k)).WithMessage($"Kind must be one of {string.Join(", ", Kinds)}.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}

public sealed partial class RegisterUserValidator : AbstractValidator<RegisterUserRequest>
{
    public RegisterUserValidator(AgencyDirectory agencies)
    {
        RuleFor(r => r.UserName).NotEmpty().WithMessage("UserName is required.")
            .Matches(UserNamePattern()).WithMessage("UserName must be 3 to 64 lower-case letters, digits, dots, hyphens or underscores.");
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("DisplayName is required.").SafeText(200, multiline: false, "الاسم المعروض");
        RuleFor(r => r.Role).NotNull().WithMessage("Role is required.");
        RuleFor(r => r.Agency).NotEmpty().WithMessage("Agency is required.")
            .Must(agencies.Exists).WithMessage((_, a) => $"Agency '{a}' is not known.");
        RuleFor(r => r.Password).MinimumLength(12).WithMessage("Password must be at least 12 characters.")
            .MaximumLength(200).WithMessage("Password must be 200 characters or fewer.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();
}

/// <summary>
/// Administrators' changes to agencies and users. Each is an entry on the log's directory stream (who
/// changed what); passwords are hashed into the credentials table and never enter the log.
/// </summary>
public sealed class DirectoryCommands(
    IEventLog log,
    DirectoryStore store,
    AccountStore accounts,
    AgencyDirectory agencies,
    IValidator<RegisterAgencyRequest> agencyValidator,
    IValidator<RegisterUserRequest> userValidator)
{
    public async Task<long> RegisterAgencyAsync(Caller caller, RegisterAgencyRequest request, CancellationToken cancellationToken)
    {
        EnsureAdministrator(caller);
        await agencyValidator.ValidateAndThrowAsync(request, cancellationToken);
        var registered = new AgencyRegistered(request.Code!, request.NameAr!, request.NameEn!, request.Kind!, caller.UserName);
        var position = await AppendAsync(caller, Guid.CreateVersion7(), EventTypes.AgencyRegistered, registered, cancellationToken);
        agencies.Replace((await store.AgenciesAsync(cancellationToken)).Select(a => new Agency(a.Code, a.NameAr, a.NameEn, a.Kind)));
        return position;
    }

    public async Task<long> RegisterUserAsync(Caller caller, RegisterUserRequest request, CancellationToken cancellationToken)
    {
        EnsureAdministrator(caller);
        await userValidator.ValidateAndThrowAsync(request, cancellationToken);
        var isNew = await store.UserAsync(request.UserName!, cancellationToken) is null;
        if (isNew && string.IsNullOrEmpty(request.Password))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("Password", "Password is required for a new user.")]);
        }

        var position = await AppendAsync(caller, Guid.CreateVersion7(), EventTypes.UserRegistered,
            new UserRegistered(request.UserName!, request.DisplayName!, request.Role!.Value.ToString(), request.Agency!, caller.UserName), cancellationToken);
        if (!string.IsNullOrEmpty(request.Password))
        {
            await store.SetPasswordHashAsync(request.UserName!, UserDirectory.HashPassword(request.UserName!, request.Password), cancellationToken);
            position = await AppendAsync(caller, Guid.CreateVersion7(), EventTypes.UserPasswordSet, new UserPasswordSet(request.UserName!, caller.UserName), cancellationToken);
        }

        return position;
    }

    public async Task<long> DisableUserAsync(Caller caller, string userName, CancellationToken cancellationToken)
    {
        EnsureAdministrator(caller);
        if (await store.UserAsync(userName, cancellationToken) is null)
        {
            throw CommandRejectedException.NotFound($"There is no user '{userName}'.");
        }

        var position = await AppendAsync(caller, Guid.CreateVersion7(), EventTypes.UserDisabled, new UserDisabled(DirectoryStore.Key(userName), caller.UserName), cancellationToken);
        await accounts.RevokeRefreshTokensAsync(userName, cancellationToken);
        return position;
    }

    /// <summary>First start: the sample agencies (and users, when asked) as if an administrator had entered them. Idempotent.</summary>
    public async Task SeedAsync(AuthOptions auth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auth);
        if ((await log.ReadIncidentAsync(SystemStreams.Directory, cancellationToken)).Count > 0)
        {
            return;
        }

        var seeder = new Caller("seed", Role.Administrator, "moi-duty");
        var seed = new Guid("5eed5eed-0000-4000-8000-000000000000");
        foreach (var agency in AgencyDirectory.SampleAgencies())
        {
            await AppendAsync(seeder, DerivedEventId.Create(seed, "agency:" + agency.Code), EventTypes.AgencyRegistered,
                new AgencyRegistered(agency.Code, agency.NameAr, agency.NameEn, agency.Kind, seeder.UserName), cancellationToken);
        }

        if (!auth.SeedSampleUsers)
        {
            return;
        }

        var users = new List<(string Name, string Display, Role Role, string Agency)>
        {
            ("duty.operator", "مشغل المناوبة / Duty operator", Role.Operator, "moi-duty"),
            ("commander", "القائد / Commander", Role.Commander, "moi-duty"),
            ("admin", "المسؤول / Administrator", Role.Administrator, "moi-duty"),
        };
        users.AddRange(AgencyDirectory.SampleAgencies().Where(a => a.Code != "moi-duty").Select(a => ($"liaison.{a.Code}", $"{a.NameAr} / {a.NameEn}", Role.Liaison, a.Code)));
        foreach (var (name, display, role, agency) in users)
        {
            await AppendAsync(seeder, DerivedEventId.Create(seed, "user:" + name), EventTypes.UserRegistered,
                new UserRegistered(name, display, role.ToString(), agency, seeder.UserName), cancellationToken);
            await store.SetPasswordHashAsync(name, UserDirectory.HashPassword(name, auth.SamplePassword), cancellationToken);
        }
    }

    private async Task<long> AppendAsync<T>(Caller caller, Guid eventId, string type, T data, CancellationToken cancellationToken) =>
        (await log.AppendAsync(SystemStreams.Directory, ExpectedVersion.Any, [Events.Create(eventId, type, data, caller, false)], cancellationToken)).LastPosition;

    private static void EnsureAdministrator(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Role.Administrator)
        {
            throw CommandRejectedException.Forbidden("Only administrators change agencies and users.");
        }
    }
}
