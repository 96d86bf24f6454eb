using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Incidents;

/// <summary>A liaison acknowledges their agency's alert for an incident routed to it; once per agency.</summary>
public sealed class AcknowledgeAlert(IncidentWriter writer, TimeProvider time) : IUseCase<AcknowledgeAlert.Command, CommandResponse>
{
    /// <summary>The request body with the incident from the route (REST) or the first argument (hub).</summary>
    public sealed record Command(Guid IncidentId, Guid? EventId, string? Note, int? ExpectedVersion)
    {
        public static Command From(Guid incidentId, AcknowledgeAlertRequest? request) =>
            new(incidentId, request?.EventId, request?.Note, request?.ExpectedVersion);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(r => r.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
            RuleFor(r => r.Note).SafeText(1000, multiline: true, "الملاحظة");
            RuleFor(r => r.ExpectedVersion).GreaterThan(0).Says(Invalid.ExpectedVersion);
        }
    }

    public Policy Policy => Policies.AcknowledgeAlert;

    public Task<CommandResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var eventId = request.EventId ?? Guid.CreateVersion7();
        return writer.AppendAsync(caller, request.IncidentId, eventId, request.ExpectedVersion, incident =>
        {
            var alert = incident.Alerts.FirstOrDefault(a => a.Agency == caller.Agency) ?? throw Refuse.NoAlertForYourAgency(request.IncidentId);
            if (alert.AcknowledgedAt is not null)
            {
                throw Refuse.AlreadyAcknowledged(request.IncidentId, alert.AcknowledgedBy);
            }

            return Task.FromResult(Events.Create(
                eventId,
                EventTypes.AlertAcknowledged,
                new AlertAcknowledged(request.IncidentId, caller.Agency, caller.UserName, time.GetUtcNow(), string.IsNullOrEmpty(request.Note) ? null : request.Note),
                caller,
                incident.Board.IsExercise));
        }, cancellationToken);
    }
}
