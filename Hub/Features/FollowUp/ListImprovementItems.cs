using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using Coordination.Dispatch.Agencies;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>
/// The improvement items, the earliest due first, filtered by owner agency, status, source (kind and id: an exercise's
/// after-action finds its improvement plan by the exercise's id) and whether they are overdue.
/// </summary>
public sealed class ListImprovementItems(FollowUpLog followUp, TimeProvider time) : IUseCase<ListImprovementItems.Query, IReadOnlyList<ImprovementItemView>>
{
    /// <summary>Every filter is optional; given together, an item must meet them all.</summary>
    public sealed record Query(string? OwnerAgency, string? Status, string? Source, Guid? SourceId, bool? Overdue);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(q => q.Status).Must(s => s is null or ImprovementItemView.Open or ImprovementItemView.Done).Says(Invalid.ImprovementStatus).OverridePropertyName("status");
            RuleFor(q => q.Source).Must(EnumNames.IsName<ImprovementSource>).Says(s => Invalid.UnknownImprovementSource(s, EnumNames.List<ImprovementSource>())).OverridePropertyName("source");
            RuleFor(q => q.OwnerAgency).Must(a => a is null || agencies.Exists(a)).Says(a => Invalid.UnknownAgency(a)).OverridePropertyName("ownerAgency");
        }
    }

    public Policy Policy => Policies.SeeFollowUp;

    public async Task<IReadOnlyList<ImprovementItemView>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = ImprovementItemRequestValidator.Today(time);
        var source = EnumNames.Parse<ImprovementSource>(request.Source);
        return [.. (await followUp.ItemsAsync(cancellationToken)).Select(r => ImprovementItemView.From(r, today)).Where(i =>
            (request.OwnerAgency is null || i.OwnerAgency == request.OwnerAgency)
            && (request.Status is null || i.Status == request.Status)
            && (source is null || i.Source == source)
            && (request.SourceId is null || i.SourceId == request.SourceId)
            && (request.Overdue is null || i.Overdue == request.Overdue))];
    }
}
