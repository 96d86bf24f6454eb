using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>One coordination meeting, with its action items as they now stand.</summary>
public sealed class GetMeeting(FollowUpLog followUp, TimeProvider time) : IUseCase<GetMeeting.Query, GetMeeting.Detail>
{
    public sealed record Query(Guid MeetingId);

    /// <param name="Meeting">The meeting as recorded.</param>
    /// <param name="ActionItems">Its action items now (open or done), in the order decided.</param>
    public sealed record Detail(MeetingView Meeting, IReadOnlyList<ImprovementItemView> ActionItems);

    public Policy Policy => Policies.SeeFollowUp;

    public async Task<Detail> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meeting = MeetingView.From(await followUp.MeetingAsync(request.MeetingId, cancellationToken) ?? throw Refuse.NoMeeting(request.MeetingId));
        var today = ImprovementItemRequestValidator.Today(time);
        var items = (await followUp.ItemsAsync(cancellationToken)).Where(i => i.SourceId == request.MeetingId).ToDictionary(i => i.ItemId);
        return new Detail(meeting, [.. meeting.Meeting.ActionItems.Where(items.ContainsKey).Select(id => ImprovementItemView.From(items[id], today))]);
    }
}
