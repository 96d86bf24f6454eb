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
    public sealed record Command(Guid IncidentId, Guid? EventId, string? Note, int? ExpectedVersion) : IIncidentCommand
    {
        public static Command From(Guid incidentId, AcknowledgeAlertRequest? request) =>
            new(incidentId, request?.EventId, request?.Note, request?.ExpectedVersion);
    }

    public sealed class Validator : IncidentCommandValidator<Command>
    {
        public Validator()
        {
            RuleFor(r => r.Note).SafeText(1000, multiline: true, "الملاحظة");
        }
    }

    public Policy Policy => Policies.AcknowledgeAlert;

    public Task<CommandResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return writer.AppendAsync(caller, request, (incident, eventId) =>
        {
            var alert = incident.Alerts.FirstOrDefault(a => a.Agency == caller.Agency) ?? throw Refuse.NoAlertForYourAgency(request.IncidentId);
            if (alert.AcknowledgedAt is not null)
            {
                throw Refuse.AlreadyAcknowledged(request.IncidentId, alert.AcknowledgedBy);
            }

            return Events.Create(
                eventId,
                EventTypes.AlertAcknowledged,
                new AlertAcknowledged(request.IncidentId, caller.Agency, caller.UserName, time.GetUtcNow(), OptionalText.Kept(request.Note)),
                caller,
                incident.Board.IsExercise,
                incident.Board.ExerciseId);
        }, cancellationToken);
    }
}
