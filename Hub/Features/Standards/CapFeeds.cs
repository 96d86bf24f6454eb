using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;

namespace Coordination.Hub.Features.Standards;

/// <summary>The partners' CAP feeds this hub polls, for administrators: each one's settings, last poll, answer and error, and its messages' count.</summary>
public sealed class CapFeeds(CapOptions options, CapFeedStates states) : IUseCase<CapFeeds.Query, IReadOnlyList<CapFeedState.View>>
{
    public sealed record Query;

    public Policy Policy => Policies.SeeCapFeeds;

    public Task<IReadOnlyList<CapFeedState.View>> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken) =>
        Task.FromResult(states.All(options.Feeds));
}
