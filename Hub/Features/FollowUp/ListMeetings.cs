using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>The coordination meetings recorded, the latest held first.</summary>
public sealed class ListMeetings(FollowUpLog followUp) : IUseCase<ListMeetings.Query, IReadOnlyList<MeetingView>>
{
    public sealed record Query;

    public Policy Policy => Policies.SeeFollowUp;

    public async Task<IReadOnlyList<MeetingView>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) =>
        [.. (await followUp.MeetingsAsync(cancellationToken)).Select(MeetingView.From)];
}
