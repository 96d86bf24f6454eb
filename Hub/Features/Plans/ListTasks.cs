using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.Plans;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// An incident's task board: the plans activated on it and their tasks, agency by agency, each with where it stands
/// and whether it is overdue. The duty office and commanders see every agency's; a liaison only their own agency's,
/// on an incident routed to it (any other is 404, as it is everywhere).
/// </summary>
public sealed class ListTasks(IncidentAccess access, PlanStore plans, RestrictedAccessAudit audit, TimeProvider time) : IUseCase<ListTasks.Query, ListTasks.Board>
{
    public sealed record Query(Guid IncidentId);

    /// <param name="IncidentId">The incident.</param>
    /// <param name="Reference">Its reference.</param>
    /// <param name="Plans">The plans activated on it, in order.</param>
    /// <param name="Agencies">Each agency with tasks (only the caller's, for a liaison), in the order first assigned.</param>
    public sealed record Board(Guid IncidentId, string Reference, IReadOnlyList<PlanActivationRow> Plans, IReadOnlyList<AgencyTasks> Agencies);

    public sealed record AgencyTasks(string Agency, IReadOnlyList<TaskView> Tasks);

    /// <summary>One task as the board shows it.</summary>
    public sealed record TaskView(
        string PlanCode,
        string TaskId,
        string TitleAr,
        string TitleEn,
        PlanTaskStatus Status,
        DateTimeOffset AssignedAt,
        DateTimeOffset DueAt,
        bool Overdue,
        int EscalationLevel,
        IReadOnlyList<ChecklistItem> Checklist,
        string? Capability,
        int? Quantity,
        DateTimeOffset? AcknowledgedAt,
        string? AcknowledgedBy,
        string? LastNote,
        DateTimeOffset? LastNoteAt,
        string? LastNoteBy,
        DateTimeOffset? CompletedAt,
        string? CompletedBy,
        long Position);

    public Policy Policy => Policies.SeeTasks;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<Board> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var incident = await access.GetVisibleAsync(caller, request.IncidentId, cancellationToken);
        if (incident.Board.Classification == Classification.Restricted)
        {
            await audit.RecordAsync(caller, [request.IncidentId], "tasks");
        }

        var now = time.GetUtcNow();
        var tasks = (await plans.TasksAsync(request.IncidentId, cancellationToken)).Where(t => caller.SeesEverything || t.Agency == caller.Agency);
        return new Board(
            request.IncidentId,
            incident.Board.Reference,
            await plans.ActivationsAsync(request.IncidentId, cancellationToken),
            [.. tasks.GroupBy(t => t.Agency).Select(g => new AgencyTasks(g.Key, [.. g.Select(t => View(t, now))]))]);
    }

    private static TaskView View(PlanTaskRow t, DateTimeOffset now) => new(
        t.PlanCode, t.TaskId, t.TitleAr, t.TitleEn, t.Status, t.AssignedAt, t.DueAt, t.IsOpen && t.DueAt <= now, t.EscalationLevel,
        JsonSerializer.Deserialize<ChecklistItem[]>(t.Checklist, ContractJson.Options) ?? [], t.Capability, t.Quantity,
        t.AcknowledgedAt, t.AcknowledgedBy, t.LastNote, t.LastNoteAt, t.LastNoteBy, t.CompletedAt, t.CompletedBy, t.Position);
}
