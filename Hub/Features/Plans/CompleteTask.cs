using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Plans;

namespace Coordination.Hub.Features.Plans;

/// <summary>A liaison completes one of their agency's tasks: it closes, and no longer escalates.</summary>
public sealed class CompleteTask(IncidentWriter writer, PlanStore plans, TimeProvider time) : IUseCase<CompleteTask.Command, CommandResponse>
{
    public sealed record Command(Guid IncidentId, string PlanCode, string TaskId, Guid? EventId, string? Note, int? ExpectedVersion) : ITaskCommand
    {
        public static Command From(Guid incidentId, string planCode, string taskId, TaskRequest? request) =>
            new(incidentId, planCode, taskId, request?.EventId, request?.Note, request?.ExpectedVersion);
    }

    public sealed class Validator : TaskCommandValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).SafeText(1000, multiline: true, "الملاحظة");
        }
    }

    public Policy Policy => Policies.WorkOnTask;

    public Task<CommandResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        return writer.AppendAsync(caller, request, async (incident, eventId, token) =>
        {
            var task = await TaskCommands.OpenTaskAsync(plans, caller, incident, request, token);
            var completed = new TaskCompleted(request.IncidentId, task.PlanCode, task.TaskId, task.Agency, caller.UserName, time.GetUtcNow(), TaskCommands.NoteOf(request));
            return [Events.Create(eventId, EventTypes.TaskCompleted, completed, caller, incident.Board.IsExercise, incident.Board.ExerciseId)];
        }, cancellationToken);
    }
}
