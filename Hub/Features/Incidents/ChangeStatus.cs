using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Incidents;

/// <summary>The duty office or a commander moves an incident forward: Reported, Acknowledged, Responding, Contained, Closed.</summary>
public sealed class ChangeStatus(IncidentWriter writer, TimeProvider time) : IUseCase<ChangeStatus.Command, CommandResponse>
{
    /// <summary>The longest reason a status change keeps.</summary>
    public const int ReasonMaxLength = 1000;

    public sealed record Command(Guid IncidentId, Guid? EventId, IncidentStatus? Status, string? Reason, int? ExpectedVersion) : IIncidentCommand
    {
        public static Command From(Guid incidentId, ChangeStatusRequest? request) =>
            new(incidentId, request?.EventId, request?.Status, request?.Reason, request?.ExpectedVersion);
    }

    public sealed class Validator : IncidentCommandValidator<Command>
    {
        public Validator()
        {
            RuleFor(r => r.Status).NotNull().Says(Invalid.StatusRequired);
            RuleFor(r => r.Reason).SafeText(ReasonMaxLength, multiline: true, "السبب");
        }
    }

    public Policy Policy => Policies.ChangeStatus;

    public Task<CommandResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var to = request.Status!.Value;
        return writer.AppendAsync(caller, request, (incident, eventId) =>
        {
            if (to <= incident.Board.Status)
            {
                throw Refuse.StatusOnlyForward(incident.Board.Reference, incident.Board.Status, to);
            }

            var changed = new IncidentStatusChanged(request.IncidentId, incident.Board.Status, to, OptionalText.Kept(request.Reason), caller.UserName, time.GetUtcNow());
            return Events.Create(eventId, EventTypes.IncidentStatusChanged, changed, caller, incident.Board.IsExercise, incident.Board.ExerciseId);
        }, cancellationToken);
    }
}
