using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>
/// Moves an open improvement item's due date, for a reason: an <c>ImprovementItemRescheduled</c> entry. The new date
/// starts its overdue alerting afresh. Those who record items move their dates; a done item is refused (409).
/// </summary>
public sealed class ChangeImprovementDueDate(FollowUpLog followUp, TimeProvider time) : IUseCase<ChangeImprovementDueDate.Command, CompleteImprovementItem.Saved>
{
    /// <summary>The item, its new due date (today or later, within five years) and why it moves.</summary>
    public sealed record Command(Guid ItemId, DateOnly? DueDate, string? Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(c => c.DueDate).NotNull().Says(Invalid.NewDueDate)
                .Must(d => d is not { } day || (day >= ImprovementItemRequestValidator.Today(time) && day <= ImprovementItemRequestValidator.Today(time).AddYears(5)))
                .Says(Invalid.NewDueDate).OverridePropertyName("dueDate");
            RuleFor(c => c.Reason).NotEmpty().Says(Invalid.DueDateReasonRequired).SafeText(1000, multiline: true, "السبب").OverridePropertyName("reason");
        }
    }

    public Policy Policy => Policies.RecordFollowUp;

    public async Task<CompleteImprovementItem.Saved> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var position = await followUp.ChangeAsync(request.ItemId, item => item.DueDate == request.DueDate
            ? throw new ValidationException([new ValidationFailure("dueDate", Invalid.DueDateUnchanged.ToString())])
            : Events.Create(Guid.CreateVersion7(), EventTypes.ImprovementItemRescheduled,
                new ImprovementItemRescheduled(item.ItemId, item.OwnerAgency, item.DueDate, request.DueDate!.Value, request.Reason!.Trim(), caller.UserName, time.GetUtcNow()), caller, false),
            cancellationToken);
        return new CompleteImprovementItem.Saved(request.ItemId, position);
    }
}
