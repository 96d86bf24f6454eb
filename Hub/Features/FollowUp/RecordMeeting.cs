using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>
/// Records a coordination meeting of the joint committee: the day, the agencies that attended, its decisions, and its
/// new action items, each of which becomes an improvement item with the meeting as its source (tracked, reminded and
/// completed like any other). The meeting is its own stream; each action item, its own stream too, has an id derived
/// from the meeting's, so resending the same <c>eventId</c> finishes a meeting half written and doubles nothing.
/// </summary>
public sealed class RecordMeeting(FollowUpLog followUp) : IUseCase<RecordMeeting.Request, RecordMeeting.Saved>
{
    /// <summary>A meeting to record.</summary>
    /// <param name="HeldOn">The day it was held (not in the future).</param>
    /// <param name="Agencies">The agencies that attended (1 to 100).</param>
    /// <param name="Decisions">What it decided, each in Arabic and English (at most 50).</param>
    /// <param name="Actions">Its new action items (at most 50).</param>
    /// <param name="EventId">An idempotency key: it becomes the meeting's id.</param>
    public sealed record Request(DateOnly? HeldOn, IReadOnlyList<string>? Agencies, IReadOnlyList<MeetingDecision>? Decisions, IReadOnlyList<ActionItem>? Actions, Guid? EventId);

    /// <summary>An action item decided at the meeting.</summary>
    public sealed record ActionItem(string? ActionAr, string? ActionEn, string? OwnerAgency, DateOnly? DueDate) : IImprovementAction;

    /// <param name="MeetingId">The meeting's id.</param>
    /// <param name="ActionItems">The ids of the improvement items it created, in the order given.</param>
    /// <param name="Position">The position of the last entry written.</param>
    public sealed record Saved(Guid MeetingId, IReadOnlyList<Guid> ActionItems, long Position);

    public sealed class ActionValidator(AgencyDirectory agencies, TimeProvider time) : ImprovementActionValidator<ActionItem>(agencies, time);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(AgencyDirectory agencies, TimeProvider time)
        {
            ArgumentNullException.ThrowIfNull(agencies);
            RuleFor(r => r.HeldOn).NotNull().Says(Invalid.MeetingDateRequired)
                .Must(d => d is not { } day || (day <= ImprovementItemRequestValidator.Today(time) && day >= ImprovementItemRequestValidator.Today(time).AddYears(-5)))
                .Says(Invalid.MeetingDateRange);
            RuleFor(r => r.Agencies).NotEmpty().Says(Invalid.MeetingAgenciesRequired).Must(a => a is null || a.Count <= 100).Says(Invalid.MeetingAgenciesRequired);
            RuleForEach(r => r.Agencies).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a));
            RuleFor(r => r.Agencies).Must(a => a is null || a.Distinct(StringComparer.Ordinal).Count() == a.Count)
                .Says(a => Invalid.AgencyListedTwice(a!.GroupBy(x => x, StringComparer.Ordinal).First(g => g.Count() > 1).Key));
            RuleFor(r => r.Decisions).Must(d => d is null || d.Count <= 50).Says(Invalid.DecisionTextRequired);
            // A null decision is refused here, not read as one with no text further on.
            RuleForEach(r => r.Decisions).NotNull().Says(Invalid.DecisionTextRequired).ChildRules(d =>
            {
                d.RuleFor(x => x.TextAr).NotEmpty().Says(Invalid.DecisionTextRequired).SafeText(2000, multiline: true, "القرار بالعربية");
                d.RuleFor(x => x.TextEn).NotEmpty().Says(Invalid.DecisionTextRequired).SafeText(2000, multiline: true, "القرار بالإنجليزية");
            });
            RuleFor(r => r.Actions).Must(a => a is null || a.Count <= 50).Says(Invalid.MeetingActionsLimit);
            RuleForEach(r => r.Actions).NotNull().Says(Invalid.ImprovementActionRequired).SetValidator(new ActionValidator(agencies, time));
            RuleFor(r => r.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
        }
    }

    public Policy Policy => Policies.RecordFollowUp;

    public async Task<Saved> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Derived from the idempotency key, never the key itself: a key chosen to equal another stream's id (an
        // incident's) would otherwise write the meeting into that stream.
        var meetingId = request.EventId is { } key ? DerivedEventId.Create(key, "meeting") : Guid.CreateVersion7();
        var items = (request.Actions ?? []).Select((a, i) => new ImprovementItem(
            DerivedEventId.Create(meetingId, $"action:{i}"), a.ActionAr!.Trim(), a.ActionEn!.Trim(), a.OwnerAgency!, a.DueDate!.Value, ImprovementSource.Meeting, meetingId)).ToArray();
        var meeting = new CoordinationMeeting(meetingId, request.HeldOn!.Value, [.. request.Agencies!.Distinct(StringComparer.Ordinal)],
            [.. (request.Decisions ?? []).Select(d => new MeetingDecision(d.TextAr.Trim(), d.TextEn.Trim()))], [.. items.Select(i => i.ItemId)]);

        // The meeting first: an action item names it as its source, so it must be there to be read.
        var position = await followUp.RecordAsync(caller, meeting, cancellationToken);
        foreach (var item in items)
        {
            position = await followUp.RecordAsync(caller, item, cancellationToken);
        }

        return new Saved(meetingId, meeting.ActionItems, position);
    }
}
