using System.Text.Json;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>One improvement item as it stands, and its history: every entry of its stream (recorded, new due dates, overdue alerts, completion).</summary>
public sealed class GetImprovementItem(FollowUpLog followUp, TimeProvider time) : IUseCase<GetImprovementItem.Query, GetImprovementItem.Detail>
{
    public sealed record Query(Guid ItemId);

    /// <param name="Current">The item now.</param>
    /// <param name="History">Every entry of its stream, oldest first.</param>
    public sealed record Detail(ImprovementItemView Current, IReadOnlyList<Change> History);

    /// <summary>One entry of the item's stream: what happened, who did it (<c>escalation</c> for the hub's own alerts), when, and the entry's data.</summary>
    public sealed record Change(int Version, long Position, string Type, string By, DateTimeOffset At, JsonElement Data);

    public Policy Policy => Policies.SeeFollowUp;

    public async Task<Detail> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var row = await followUp.ItemAsync(request.ItemId, cancellationToken) ?? throw Refuse.NoImprovementItem(request.ItemId);
        var stream = await followUp.HistoryAsync(request.ItemId, cancellationToken);
        return new Detail(ImprovementItemView.From(row, ImprovementItemRequestValidator.Today(time)),
            [.. stream.Select(e => new Change(e.Version, e.Position, e.Type, e.Metadata.Actor, e.RecordedAt, e.Data))]);
    }
}
