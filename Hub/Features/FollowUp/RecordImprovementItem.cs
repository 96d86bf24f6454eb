using Coordination.Dispatch.Routing;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>
/// Records an improvement item, open: the first entry of its own stream, which its owner agency's liaisons see from
/// then on. From an exercise (the after-action's improvement plan, by the exercise's id) or a meeting, either of which
/// must exist, or on its own. The duty office, commanders and administrators record items.
/// </summary>
public sealed class RecordImprovementItem(FollowUpLog followUp, Exercises.ExerciseLog exercises) : IUseCase<ImprovementItemRequest, RecordImprovementItem.Saved>
{
    /// <param name="ItemId">The item's id.</param>
    /// <param name="Position">The position of the entry that recorded it.</param>
    public sealed record Saved(Guid ItemId, long Position);

    public Policy Policy => Policies.RecordFollowUp;

    public async Task<Saved> HandleAsync(Caller caller, ImprovementItemRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Source == ImprovementSource.Meeting && await followUp.MeetingAsync(request.SourceId!.Value, cancellationToken) is null)
        {
            throw new ValidationException([new ValidationFailure("sourceId", Invalid.NoSuchMeeting.ToString())]);
        }

        if (request.Source == ImprovementSource.Exercise && await exercises.ReadAsync(request.SourceId!.Value, cancellationToken) is null)
        {
            throw new ValidationException([new ValidationFailure("sourceId", Invalid.NoSuchExercise.ToString())]);
        }

        // Derived from the idempotency key, never the key itself: a key chosen to equal another stream's id (an
        // incident's) would otherwise write the item into that stream and open it to the item's owner agency.
        var item = request.ToItem(request.EventId is { } key ? DerivedEventId.Create(key, "improvement-item") : Guid.CreateVersion7());
        return new Saved(item.ItemId, await followUp.RecordAsync(caller, item, cancellationToken));
    }
}
