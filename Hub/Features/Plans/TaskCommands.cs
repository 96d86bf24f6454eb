using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Plans;
using FluentValidation;

namespace Coordination.Hub.Features.Plans;

/// <summary>A command on one task of an incident: the task by its plan and id, and what the liaison says.</summary>
public interface ITaskCommand : IIncidentCommand
{
    string PlanCode { get; }

    string TaskId { get; }

    string? Note { get; }
}

/// <summary>What every command on a task checks first: it names a plan and a task (a hub call can send null for either).</summary>
public abstract class TaskCommandValidator<T> : IncidentCommandValidator<T>
    where T : ITaskCommand
{
    protected TaskCommandValidator()
    {
        RuleFor(c => c.PlanCode).NotEmpty().Says(Invalid.PlanCodeShape).OverridePropertyName("planCode");
        RuleFor(c => c.TaskId).NotEmpty().Says(Invalid.TaskIdShape).OverridePropertyName("taskId");
    }
}

/// <summary>What acknowledging, progressing and completing a task all check, in this order.</summary>
public static class TaskCommands
{
    /// <summary>
    /// The task the command names, when the caller may work on it: no such task on the incident is 404, another
    /// agency's task 403 (only the agency it is assigned to works on it), a closed incident or a closed task 409.
    /// The incident itself was read as the caller may see it, so one not routed to their agency is already 404.
    /// </summary>
    public static async Task<PlanTaskRow> OpenTaskAsync(PlanStore plans, Caller caller, VisibleIncident incident, ITaskCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(command);
        var task = (await plans.TasksAsync(command.IncidentId, cancellationToken)).FirstOrDefault(t => t.PlanCode == command.PlanCode && t.TaskId == command.TaskId)
            ?? throw Refuse.NoTask(command.PlanCode, command.TaskId, incident.Board.Reference);
        if (task.Agency != caller.Agency)
        {
            throw Refuse.NotYourAgencysTask(task.TaskId, task.Agency);
        }

        if (incident.Board.Status == IncidentStatus.Closed)
        {
            throw Refuse.IncidentClosed(incident.Board.Reference);
        }

        return task.IsOpen ? task : throw Refuse.TaskClosed(task.TaskId, task.Status.ToString());
    }

    /// <summary>The note as stored: trimmed, and null when empty.</summary>
    public static string? NoteOf(ITaskCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return OptionalText.Kept(command.Note);
    }
}
