using Coordination.Agencies.Contracts.Register;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using Coordination.Dispatch.Agencies;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// The register, every risk at its latest version, or as it stood at a past moment (<c>asOf</c>): highest score
/// first, each with its overall impact and whether its review is overdue.
/// </summary>
public sealed class ListRisks(RegisterLog register) : IUseCase<ListRisks.Query, ListRisks.Page>
{
    /// <summary><c>Theme</c>: a name, written exactly (<see cref="EnumNames"/>).</summary>
    public sealed record Query(string? Theme, string? Agency, string? District, DateTimeOffset? AsOf);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(AgencyDirectory agencies)
        {
            // A filter naming nothing that exists is a mistake to name, not an empty register.
            RuleFor(q => q.Theme).Must(EnumNames.IsName<RiskTheme>).Says(t => Invalid.UnknownTheme(t, EnumNames.List<RiskTheme>())).OverridePropertyName("theme");
            RuleFor(q => q.Agency).Must(a => a is null || agencies.Exists(a)).Says(a => Invalid.UnknownAgency(a)).OverridePropertyName("agency");
            RuleFor(q => q.District).Must(d => d is null || Districts.IsKnown(d)).Says(d => Invalid.UnknownDistrict(d)).OverridePropertyName("district");
            RuleFor(q => q.AsOf).AsOfWithinYears();
        }
    }

    /// <param name="AsOf">The moment the register is shown as of.</param>
    /// <param name="Risks">Its risks, likelihood x overall impact highest first.</param>
    public sealed record Page(DateTimeOffset AsOf, IReadOnlyList<RiskView> Risks);

    public Policy Policy => Policies.SeeRegister;

    public async Task<Page> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = new RegisterFilter(EnumNames.Parse<RiskTheme>(request.Theme), request.Agency, request.District);
        var risks = await register.AsOfAsync(request.AsOf, cancellationToken);
        return new Page(request.AsOf ?? DateTimeOffset.UtcNow,
            [.. risks.Where(r => filter.Keeps(r.Risk)).OrderByDescending(r => r.Risk.Likelihood * r.OverallImpact).ThenBy(r => r.Risk.Code, StringComparer.Ordinal)]);
    }
}
