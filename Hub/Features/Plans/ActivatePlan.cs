using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Plans;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Plans;
using FluentValidation;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// The duty office or a commander activates a plan on an incident by hand, whatever its criteria say: the plan's
/// latest version, its tasks assigned and due from now, the agencies it names alerted. Once per plan and incident.
/// </summary>
public sealed class ActivatePlan(IncidentWriter writer, PlanLog library, PlanStore plans, PlanActivations activations, TimeProvider time)
    : IUseCase<ActivatePlan.Command, CommandResponse>
{
    public sealed record Command(Guid IncidentId, Guid? EventId, string? PlanCode, string? Reason, int? ExpectedVersion) : IIncidentCommand
    {
        public static Command From(Guid incidentId, ActivatePlanRequest? request) =>
            new(incidentId, request?.EventId, request?.PlanCode, request?.Reason, request?.ExpectedVersion);
    }

    public sealed class Validator : IncidentCommandValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PlanCode).NotEmpty().Says(Invalid.PlanCodeShape).Matches("^[a-z0-9][a-z0-9-]{2,59}$").Says(Invalid.PlanCodeShape);
            RuleFor(c => c.Reason).SafeText(1000, multiline: true, "السبب");
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

            var active = (await plans.ActivationsAsync(request.IncidentId, token)).Select(a => a.PlanCode).ToArray();
            if (active.Contains(request.PlanCode))
            {
                throw Refuse.PlanAlreadyActivated(request.PlanCode!, incident.Board.Reference);
            }

            var plan = (await library.LatestAsync(token)).FirstOrDefault(p => p.Plan.Code == request.PlanCode) ?? throw Refuse.NoPlan(request.PlanCode!);
            return activations.Activate(
                [new PlanInForce(plan.Plan, plan.Version)],
                IncidentPlans.Facts(incident, incident.Board.Severity, active),
                new Activation(PlanTrigger.Manual, caller.UserName, caller.Agency, OptionalText.Kept(request.Reason),
                    eventId, eventId, time.GetUtcNow(), ActivationEventId: eventId));
        }, cancellationToken);
    }
}
