using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using FluentValidation;

namespace Coordination.Hub.Features.Incidents;

/// <summary>A liaison acknowledges their agency's alert for an incident.</summary>
/// <param name="EventId">Idempotency key; a retry with the same key is stored once.</param>
/// <param name="Note">Optional note, e.g. "two teams on the way".</param>
/// <param name="ExpectedVersion">The incident version the liaison saw; omitted means "the current one".</param>
public sealed record AcknowledgeAlertRequest(Guid? EventId, string? Note, int? ExpectedVersion);

public sealed class AcknowledgeAlertValidator : AbstractValidator<AcknowledgeAlertRequest>
{
    public AcknowledgeAlertValidator()
    {
        RuleFor(r => r.EventId).NotEqual(Guid.Empty).WithMessage("EventId must not be the empty id.");
        RuleFor(r => r.Note).SafeText(1000, multiline: true);
        RuleFor(r => r.ExpectedVersion).GreaterThan(0).WithMessage("ExpectedVersion must be a version the incident has had (1 or more).");
    }
}

public sealed class AcknowledgeAlertHandler(IEventLog log, ReadModels readModels, IncidentAccess access, IValidator<AcknowledgeAlertRequest> validator, TimeProvider time)
{
    public async Task<CommandResponse> HandleAsync(Caller caller, Guid incidentId, AcknowledgeAlertRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.Role != Role.Liaison)
        {
            throw CommandRejectedException.Forbidden("Only an agency liaison acknowledges the agency's alert.");
        }

        await validator.ValidateAndThrowAsync(request, cancellationToken);
        var incident = await access.GetVisibleAsync(caller, incidentId, cancellationToken);
        var alert = (await readModels.GetAlertsAsync(incidentId, cancellationToken)).FirstOrDefault(a => a.Agency == caller.Agency)
            ?? throw CommandRejectedException.NotFound($"Your agency has no alert for incident {incidentId}.");
        var eventId = request.EventId ?? Guid.NewGuid();
        if (alert.AcknowledgedAt is not null)
        {
            // A retry of the stored acknowledgement is answered as the success it was; anything else is a conflict.
            if (request.EventId is { } key && await log.FindAsync(key, cancellationToken) is { } stored && stored.IncidentId == incidentId)
            {
                return new CommandResponse(incidentId, stored.Position, stored.Version, WasDuplicate: true);
            }

            throw CommandRejectedException.Conflict($"Your agency's alert for incident {incidentId} was already acknowledged by {alert.AcknowledgedBy}.");
        }

        var result = await log.AppendAsync(incidentId, request.ExpectedVersion ?? incident.Version, [Ack()], cancellationToken);
        return new CommandResponse(incidentId, result.LastPosition, result.LastVersion, result.WasDuplicate);

        NewEvent Ack() => Events.Create(
            eventId,
            EventTypes.AlertAcknowledged,
            new AlertAcknowledged(incidentId, caller.Agency, caller.UserName, time.GetUtcNow(), string.IsNullOrEmpty(request.Note) ? null : request.Note),
            caller,
            incident.IsExercise);
    }
}
