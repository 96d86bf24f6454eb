using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>
/// Marks an open improvement item done, saying what was done: an <c>ImprovementItemCompleted</c> entry, which ends an
/// overdue item's alerting. Its owner agency's liaisons and administrators complete it; a done item is refused (409).
/// </summary>
public sealed class CompleteImprovementItem(FollowUpLog followUp, TimeProvider time) : IUseCase<CompleteImprovementItem.Command, CompleteImprovementItem.Saved>
{
    /// <summary>The item and what was done.</summary>
    public sealed record Command(Guid ItemId, string? Note);

    /// <param name="ItemId">The item.</param>
    /// <param name="Position">The position of the entry that completed it.</param>
    public sealed record Saved(Guid ItemId, long Position);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).NotEmpty().Says(Invalid.CompletionNoteRequired).SafeText(1000, multiline: true, "ما تم إنجازه").OverridePropertyName("note");
        }
    }

    public Policy Policy => Policies.CompleteImprovement;

    public async Task<Saved> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var position = await followUp.ChangeAsync(request.ItemId, item =>
        {
            if (caller.Role == Role.Liaison && item.OwnerAgency != caller.Agency)
            {
                throw Refuse.NotYourAgencysItem(item.OwnerAgency);
            }

            return Events.Create(DerivedEventId.Create(item.ItemId, "completed"), EventTypes.ImprovementItemCompleted,
                new ImprovementItemCompleted(item.ItemId, item.OwnerAgency, request.Note!.Trim(), caller.UserName, time.GetUtcNow()), caller, false);
        }, cancellationToken);
        return new Saved(request.ItemId, position);
    }
}
