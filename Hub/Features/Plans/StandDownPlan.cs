using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Plans;
using FluentValidation;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// The duty office or a commander stands a plan down on an incident, saying why: its tasks still open are closed as
/// stood down (named in the entry), and no longer escalate. Done tasks stay done.
/// </summary>
public sealed class StandDownPlan(IncidentWriter writer, PlanStore plans, TimeProvider time) : IUseCase<StandDownPlan.Command, CommandResponse>
{
    public sealed record Command(Guid IncidentId, string PlanCode, Guid? EventId, string? Reason, int? ExpectedVersion) : IIncidentCommand
    {
        public static Command From(Guid incidentId, string planCode, StandDownPlanRequest? request) =>
            new(incidentId, planCode, request?.EventId, request?.Reason, request?.ExpectedVersion);
    }

    public sealed class Validator : IncidentCommandValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().Says(Invalid.StandDownReasonRequired).SafeText(1000, multiline: true, "السبب");
        }
    }

    public Policy Policy => Policies.ActivatePlan;

    public Task<CommandResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return writer.AppendAsync(caller, request, async (incident, eventId, token) =>
        {
            if (incident.Board.Status == IncidentStatus.Closed)
            {
                throw Refuse.IncidentClosed(incident.Board.Reference);
            }

            var activation = (await plans.ActivationsAsync(request.IncidentId, token)).FirstOrDefault(a => a.PlanCode == request.PlanCode)
                ?? throw Refuse.PlanNotActivated(request.PlanCode, incident.Board.Reference);
            if (activation.StoodDownAt is not null)
            {
                throw Refuse.PlanStoodDown(request.PlanCode, incident.Board.Reference);
            }

            var open = (await plans.TasksAsync(request.IncidentId, token)).Where(t => t.PlanCode == request.PlanCode && t.IsOpen).Select(t => t.TaskId).ToArray();
            var stoodDown = new PlanStoodDown(request.IncidentId, request.PlanCode, caller.UserName, time.GetUtcNow(), request.Reason!.Trim(), open);
            return [Events.Create(eventId, EventTypes.PlanStoodDown, stoodDown, caller, incident.Board.IsExercise, incident.Board.ExerciseId)];
        }, cancellationToken);
    }
}
