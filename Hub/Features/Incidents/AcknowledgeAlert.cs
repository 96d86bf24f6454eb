using Coordination.Hub.Localization;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using FluentValidation;

namespace Coordination.Hub.Features.Incidents;

public sealed class AcknowledgeAlertValidator : AbstractValidator<AcknowledgeAlertRequest>
{
    public AcknowledgeAlertValidator()
    {
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).WithMessage(_ => Say.Of("EventId must not be the empty id.", "مفتاح الإرسال (EventId) لا يجوز أن يكون المعرف الفارغ."));
        RuleFor(r => r.Note).SafeText(1000, multiline: true, "الملاحظة");
        RuleFor(r => r.ExpectedVersion).GreaterThan(0).WithMessage(_ => Say.Of("ExpectedVersion must be a version the incident has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّ به البلاغ (1 أو أكثر)."));
    }
}

public sealed class AcknowledgeAlertHandler(IncidentWriter writer, IValidator<AcknowledgeAlertRequest> validator, TimeProvider time)
{
    public async Task<CommandResponse> HandleAsync(Caller caller, Guid incidentId, AcknowledgeAlertRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.Role != Role.Liaison)
        {
            throw CommandRejectedException.Forbidden(Say.Of("Only an agency liaison acknowledges the agency's alert.", "ضابط اتصال الجهة فقط يؤكد استلام تنبيه جهته."));
        }

        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var eventId = request.EventId ?? Guid.CreateVersion7();
        return await writer.AppendAsync(caller, incidentId, eventId, request.ExpectedVersion, incident =>
        {
            var alert = incident.Alerts.FirstOrDefault(a => a.Agency == caller.Agency)
                ?? throw CommandRejectedException.NotFound(Say.Of($"Your agency has no alert for incident {incidentId}.", $"لا يوجد لجهتك تنبيه عن البلاغ {incidentId}."));
            if (alert.AcknowledgedAt is not null)
            {
                throw CommandRejectedException.Conflict(Say.Of(
                    $"Your agency's alert for incident {incidentId} was already acknowledged by {alert.AcknowledgedBy}.",
                    $"سبق أن أكّد {alert.AcknowledgedBy} استلام تنبيه جهتك عن البلاغ {incidentId}."));
            }

            return Task.FromResult(Events.Create(
                eventId,
                EventTypes.AlertAcknowledged,
                new AlertAcknowledged(incidentId, caller.Agency, caller.UserName, time.GetUtcNow(), string.IsNullOrEmpty(request.Note) ? null : request.Note),
                caller,
                incident.Board.IsExercise));
        }, cancellationToken);
    }
}
