using System.Text.RegularExpressions;
using Coordination.Agencies.Contracts.Directory;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Admin;

/// <summary>An administrator registers an agency, or renames one; it can be named in routing rules and cleared for restricted incidents at once.</summary>
public sealed partial class RegisterAgency(DirectoryEntries directory, AgencyDirectory agencies) : IUseCase<RegisterAgency.RegisterAgencyRequest, DirectoryChanged>
{
    public static readonly string[] Kinds = ["DutyOffice", "Coordination", "Response", "Security", "Humanitarian", "Municipality", "Utility"];

    /// <summary>Register an agency, or change its names.</summary>
    public sealed record RegisterAgencyRequest(string? Code, string? NameAr, string? NameEn, string? Kind);

    public sealed class Validator : AbstractValidator<RegisterAgencyRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().Says(Invalid.CodeRequired).Matches(CodePattern()).Says(Invalid.CodeShape);
            RuleFor(r => r.NameAr).NotEmpty().Says(Invalid.NameArRequired).SafeText(200, multiline: false, "الاسم بالعربية");
            RuleFor(r => r.NameEn).NotEmpty().Says(Invalid.NameEnRequired).SafeText(200, multiline: false, "الاسم بالإنجليزية");
            RuleFor(r => r.Kind).Must(k => Kinds.Contains(k)).Says(Invalid.AgencyKind(Kinds));
        }
    }

    public Policy Policy => Policies.ManageDirectory;

    public async Task<DirectoryChanged> HandleAsync(Caller caller, RegisterAgencyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (agencies.Find(request.Code!) is { } known && (known.Kind == AgencyDirectory.DutyOfficeKind) != (request.Kind == AgencyDirectory.DutyOfficeKind))
        {
            // Rules, plans, clearances and users are checked against the duty office when saved; an agency turned into
            // it (or out of it) afterwards would leave them naming what they may not, and every later edit refused.
            throw Refuse.DutyOfficeKindFixed(request.Code!, known.Kind);
        }

        var registered = new AgencyRegistered(request.Code!, request.NameAr!, request.NameEn!, request.Kind!, caller.UserName);
        var position = await directory.AppendAsync(caller, Guid.CreateVersion7(), EventTypes.AgencyRegistered, registered, cancellationToken);
        await directory.RefreshAgenciesAsync(cancellationToken);
        return new DirectoryChanged(position);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}

/// <summary>Where a change to the directory landed in the log.</summary>
public sealed record DirectoryChanged(long Position);
