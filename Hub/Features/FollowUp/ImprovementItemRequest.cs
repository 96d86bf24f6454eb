using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>An improvement item to record: on its own, or as one of a coordination meeting's action items.</summary>
/// <param name="ActionAr">What is to be done, in Arabic.</param>
/// <param name="ActionEn">What is to be done, in English.</param>
/// <param name="OwnerAgency">The agency that must do it.</param>
/// <param name="DueDate">The day it is due, within five years of today.</param>
/// <param name="Source">None (the default), Exercise or Meeting; a meeting's action items are always the meeting's.</param>
/// <param name="SourceId">The exercise or meeting, for a source other than None.</param>
/// <param name="EventId">An idempotency key: resending the same key records the item once (it becomes the item's id).</param>
public sealed record ImprovementItemRequest(string? ActionAr, string? ActionEn, string? OwnerAgency, DateOnly? DueDate, ImprovementSource? Source, Guid? SourceId, Guid? EventId)
    : IImprovementAction
{
    /// <summary>The item this request records, under <paramref name="itemId"/>.</summary>
    public ImprovementItem ToItem(Guid itemId) =>
        new(itemId, ActionAr!.Trim(), ActionEn!.Trim(), OwnerAgency!, DueDate!.Value, Source ?? ImprovementSource.None, (Source ?? ImprovementSource.None) == ImprovementSource.None ? null : SourceId);
}

/// <summary>What an improvement item is asked to be, whether on its own or a meeting's action item.</summary>
public interface IImprovementAction
{
    /// <summary>What is to be done, in Arabic.</summary>
    string? ActionAr { get; }

    /// <summary>What is to be done, in English.</summary>
    string? ActionEn { get; }

    /// <summary>The agency that must do it.</summary>
    string? OwnerAgency { get; }

    /// <summary>The day it is due.</summary>
    DateOnly? DueDate { get; }
}

/// <summary>What every improvement item must be, on its own or from a meeting: each bad field named, in the caller's language.</summary>
public abstract class ImprovementActionValidator<T> : AbstractValidator<T>
    where T : IImprovementAction
{
    protected ImprovementActionValidator(AgencyDirectory agencies, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(r => r.ActionAr).NotEmpty().Says(Invalid.ImprovementActionRequired).SafeText(1000, multiline: true, "الإجراء بالعربية");
        RuleFor(r => r.ActionEn).NotEmpty().Says(Invalid.ImprovementActionRequired).SafeText(1000, multiline: true, "الإجراء بالإنجليزية");
        RuleFor(r => r.OwnerAgency).NotEmpty().Says(Invalid.OwnerAgencyRequired).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a))
            .Must(a => !agencies.IsDutyOffice(a)).Says(a => Invalid.DutyOfficeOwnsNoItem(a));
        RuleFor(r => r.DueDate).NotNull().Says(Invalid.DueDateRequired)
            .Must(d => d is not { } day || Math.Abs(day.DayNumber - ImprovementItemRequestValidator.Today(time).DayNumber) <= 5 * 366).Says(Invalid.DueDateRequired);
    }
}

/// <summary>An improvement item recorded on its own: an action, and where it came from.</summary>
public sealed class ImprovementItemRequestValidator : ImprovementActionValidator<ImprovementItemRequest>
{
    public ImprovementItemRequestValidator(AgencyDirectory agencies, TimeProvider time)
        : base(agencies, time)
    {
        RuleFor(r => r.Source).IsInEnum().Says(Invalid.ImprovementSourceId);
        RuleFor(r => r.SourceId).Must((r, id) => (r.Source ?? ImprovementSource.None) == ImprovementSource.None ? id is null : id is { } given && given != Guid.Empty)
            .Says(Invalid.ImprovementSourceId);
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
    }

    /// <summary>Today, UTC, on the hub's clock.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }
}
