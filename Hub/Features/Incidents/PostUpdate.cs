using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Plans;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Plans;
using FluentValidation;
using Severity = Coordination.Agencies.Contracts.Reference.Severity;

namespace Coordination.Hub.Features.Incidents;

/// <summary>
/// A situation update on an open incident, optionally changing its severity; a liaison posts only to incidents routed to
/// their agency, and may raise the severity but not lower it. A raised severity that makes the incident meet a
/// contingency plan's criteria activates that plan in the update's own transaction, once per plan and incident.
/// </summary>
public sealed class PostUpdate(IncidentWriter writer, PlanStore plans, PlanActivations activations, TimeProvider time) : IUseCase<PostUpdate.Command, CommandResponse>
{
    public sealed record Command(Guid IncidentId, Guid? EventId, string? Text, Severity? Severity, int? ExpectedVersion) : IIncidentCommand
    {
        public static Command From(Guid incidentId, PostUpdateRequest? request) =>
            new(incidentId, request?.EventId, request?.Text, request?.Severity, request?.ExpectedVersion);
    }

    /// <summary>The longest text an update keeps.</summary>
    public const int TextMaxLength = 4000;

    public sealed class Validator : IncidentCommandValidator<Command>
    {
        public Validator()
        {
            RuleFor(r => r.Text).NotEmpty().Says(Invalid.UpdateTextRequired).SafeText(TextMaxLength, multiline: true, "نص التحديث");
        }
    }

    public Policy Policy => Policies.PostUpdate;

    public Task<CommandResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        // Liaisons post only to incidents routed to their agency: the writer reads through IncidentAccess.
        return writer.AppendAsync(caller, request, async (incident, eventId, token) =>
        {
            if (incident.Board.Status == IncidentStatus.Closed)
            {
                throw Refuse.IncidentClosed(incident.Board.Reference);
            }

            // An agency may raise the alarm for everyone; standing it down is the duty office's or a commander's call.
            if (request.Severity is { } severity && severity < incident.Board.Severity && !caller.SeesEverything)
            {
                throw Refuse.OnlyDutyOfficeLowersSeverity(incident.Board.Reference, incident.Board.Severity, severity);
            }

            var now = time.GetUtcNow();
            var updated = new IncidentUpdated(request.IncidentId, request.Text!, request.Severity, caller.UserName, caller.Agency, now);
            var update = Events.Create(eventId, EventTypes.IncidentUpdated, updated, caller, incident.Board.IsExercise, incident.Board.ExerciseId);
            if (request.Severity is not { } raised || raised <= incident.Board.Severity)
            {
                return [update];
            }

            // The plans' ids derive from the update's, so a retried update activates nothing twice.
            var active = (await plans.ActivationsAsync(request.IncidentId, token)).Select(a => a.PlanCode).ToArray();
            IReadOnlyList<NewEvent> activated = activations.ForCriteria(IncidentPlans.Facts(incident, raised, active),
                new Activation(PlanTrigger.SeverityRaised, PlanActivations.Actor, "moi-duty", null, eventId, eventId, now));
            return [update, .. activated];
        }, cancellationToken);
    }
}
