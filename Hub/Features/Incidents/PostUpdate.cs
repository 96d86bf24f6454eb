using Coordination.Hub.Localization;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using FluentValidation;
using Severity = Coordination.Agencies.Contracts.Reference.Severity;

namespace Coordination.Hub.Features.Incidents;

public sealed class PostUpdateValidator : AbstractValidator<PostUpdateRequest>
{
    public PostUpdateValidator()
    {
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).WithMessage(_ => Say.Of("EventId must not be the empty id.", "مفتاح الإرسال (EventId) لا يجوز أن يكون المعرف الفارغ."));
        RuleFor(r => r.Text).NotEmpty().WithMessage(_ => Say.Of("Text is required.", "نص التحديث مطلوب.")).SafeText(4000, multiline: true, "نص التحديث");
        RuleFor(r => r.ExpectedVersion).GreaterThan(0).WithMessage(_ => Say.Of("ExpectedVersion must be a version the incident has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّ به البلاغ (1 أو أكثر)."));
    }
}

public sealed class PostUpdateHandler(IncidentWriter writer, IValidator<PostUpdateRequest> validator, TimeProvider time)
{
    public async Task<CommandResponse> HandleAsync(Caller caller, Guid incidentId, PostUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.Role == Role.Administrator)
        {
            throw CommandRejectedException.Forbidden("Administrators keep the hub; they do not post to incidents.");
        }

        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var eventId = request.EventId ?? Guid.CreateVersion7();
        // Liaisons post only to incidents routed to their agency: the writer reads through IncidentAccess.
        return await writer.AppendAsync(caller, incidentId, eventId, request.ExpectedVersion, incident =>
        {
            if (incident.Board.Status == IncidentStatus.Closed)
            {
                throw CommandRejectedException.Conflict($"Incident {incident.Board.Reference} is closed.");
            }

            var updated = new IncidentUpdated(incidentId, request.Text!, request.Severity, caller.UserName, caller.Agency, time.GetUtcNow());
            return Task.FromResult(Events.Create(eventId, EventTypes.IncidentUpdated, updated, caller, incident.Board.IsExercise));
        }, cancellationToken);
    }
}
