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

/// <summary>The 5x5 likelihood x overall-impact matrix with each risk placed in its cell (all 25 cells, empty ones too).</summary>
public sealed class RegisterHeatMap(RegisterLog register) : IUseCase<RegisterHeatMap.Query, IReadOnlyList<RegisterHeatMap.Cell>>
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

    /// <param name="Likelihood">1 to 5.</param>
    /// <param name="Impact">Overall impact, 1 to 5.</param>
    /// <param name="Risks">The risks in the cell.</param>
    public sealed record Cell(int Likelihood, int Impact, IReadOnlyList<Placed> Risks);

    /// <summary>A risk in a cell; <c>ReviewOverdue</c> when its review date has passed.</summary>
    public sealed record Placed(Guid RiskId, string Code, string TitleAr, string TitleEn, RiskTheme Theme, bool ReviewOverdue);

    public Policy Policy => Policies.SeeRegister;

    public async Task<IReadOnlyList<Cell>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = new RegisterFilter(EnumNames.Parse<RiskTheme>(request.Theme), request.Agency, request.District);
        var placed = (await register.AsOfAsync(request.AsOf, cancellationToken)).Where(r => filter.Keeps(r.Risk)).ToLookup(r => (r.Risk.Likelihood, r.OverallImpact));
        return
        [
            .. from likelihood in Enumerable.Range(1, 5)
               from impact in Enumerable.Range(1, 5)
               select new Cell(likelihood, impact, [.. placed[(likelihood, impact)].OrderBy(r => r.Risk.Code, StringComparer.Ordinal)
                   .Select(r => new Placed(r.Risk.RiskId, r.Risk.Code, r.Risk.TitleAr, r.Risk.TitleEn, r.Risk.Theme, r.ReviewOverdue))]),
        ];
    }
}
