using Coordination.Hub.Localization;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using FluentValidation;

namespace Coordination.Hub.Features.Incidents;

public sealed class ChangeStatusValidator : AbstractValidator<ChangeStatusRequest>
{
    public ChangeStatusValidator()
    {
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).WithMessage(_ => Say.Of("EventId must not be the empty id.", "مفتاح الإرسال (EventId) لا يجوز أن يكون المعرف الفارغ."));
        RuleFor(r => r.Status).NotNull().WithMessage(_ => Say.Of("Status is required.", "الحالة مطلوبة."));
        RuleFor(r => r.Reason).SafeText(1000, multiline: true, "السبب");
        RuleFor(r => r.ExpectedVersion).GreaterThan(0).WithMessage(_ => Say.Of("ExpectedVersion must be a version the incident has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّ به البلاغ (1 أو أكثر)."));
    }
}

public sealed class ChangeStatusHandler(IncidentWriter writer, IValidator<ChangeStatusRequest> validator, TimeProvider time)
{
    public async Task<CommandResponse> HandleAsync(Caller caller, Guid incidentId, ChangeStatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.Role is not (Role.Operator or Role.Commander))
        {
            throw CommandRejectedException.Forbidden("Only the duty office and commanders change an incident's status.");
        }

        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var eventId = request.EventId ?? Guid.CreateVersion7();
        var to = request.Status!.Value;
        return await writer.AppendAsync(caller, incidentId, eventId, request.ExpectedVersion, incident =>
        {
            if (to <= incident.Board.Status)
            {
                throw CommandRejectedException.Conflict($"Incident {incident.Board.Reference} is {incident.Board.Status}; it can only move forward, not to {to}.");
            }

            var changed = new IncidentStatusChanged(incidentId, incident.Board.Status, to, string.IsNullOrEmpty(request.Reason) ? null : request.Reason, caller.UserName, time.GetUtcNow());
            return Task.FromResult(Events.Create(eventId, EventTypes.IncidentStatusChanged, changed, caller, incident.Board.IsExercise));
        }, cancellationToken);
    }
}
