using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;
using Coordination.Persistence.Visibility;

namespace Coordination.Persistence.Projections;

/// <summary>
/// Folds an incident's plan entries (activations, tasks and what agencies do with them) into the activations and
/// the task board, for <see cref="ReadModelProjector"/>, in the append's own transaction like the rest.
/// </summary>
internal static class PlanProjection
{
    /// <summary>Folds <paramref name="data"/> when it is a plan or task entry; returns whether it was one.</summary>
    public static async Task<bool> ApplyAsync(IAppendStatements statements, StoredRow row, object? data, CancellationToken cancellationToken)
    {
        if (OwnAgencyEntries.Types.Contains(row.Type) && TaskAgency(data) is { } agency)
        {
            // Seen, among the incident's agencies, by the task's own only: the visibility queries skip it for the others.
            await Execute(SqlScripts.Plans.TaskEntryAgencyInsert, new { row.Position, Agency = agency });
        }

        switch (data)
        {
            case PlanActivated e:
                await Execute(SqlScripts.Plans.ActivationInsert, new
                {
                    e.IncidentId,
                    e.PlanCode,
                    e.PlanId,
                    e.PlanVersion,
                    e.TitleAr,
                    e.TitleEn,
                    TriggerKind = e.Trigger.ToString(),
                    e.ActivatedBy,
                    e.ActivatedAt,
                    e.Reason,
                    row.Position,
                });
                return true;
            case TaskAssigned e:
                await Execute(SqlScripts.Plans.TaskInsert, new
                {
                    e.IncidentId,
                    e.PlanCode,
                    e.TaskId,
                    e.Agency,
                    AssignedEventId = row.EventId,
                    e.TitleAr,
                    e.TitleEn,
                    Checklist = JsonSerializer.Serialize(e.Checklist, ContractJson.Options),
                    e.Capability,
                    e.Quantity,
                    e.AssignedAt,
                    e.DueAt,
                    e.IsExercise,
                    row.Position,
                });
                return true;
            case TaskAcknowledged e:
                await Execute(SqlScripts.Plans.TaskAcknowledge, new { e.IncidentId, e.PlanCode, e.TaskId, e.At, e.By, e.Note });
                return true;
            case TaskProgressed e:
                await Execute(SqlScripts.Plans.TaskProgress, new { e.IncidentId, e.PlanCode, e.TaskId, e.At, e.By, e.Note });
                return true;
            case TaskCompleted e:
                await Execute(SqlScripts.Plans.TaskComplete, new { e.IncidentId, e.PlanCode, e.TaskId, e.At, e.By, e.Note, row.Position });
                return true;
            case TaskEscalated e:
                await Execute(SqlScripts.Plans.TaskEscalate, new { e.IncidentId, e.PlanCode, e.TaskId, e.Level });
                return true;
            case PlanStoodDown e:
                await Execute(SqlScripts.Plans.ActivationStandDown, new { e.IncidentId, e.PlanCode, e.At, e.By, e.Reason });
                await Execute(SqlScripts.Plans.TaskStandDown, new { e.IncidentId, e.PlanCode });
                return true;
            default:
                return false;
        }

        Task<int> Execute(string sql, object parameters) => statements.ExecuteAsync(sql, parameters, cancellationToken);
    }

    // The agency a task entry names (the `agency` of its data, which the fan-out reads from the JSON).
    private static string? TaskAgency(object? data) => data switch
    {
        TaskAssigned e => e.Agency,
        TaskAcknowledged e => e.Agency,
        TaskProgressed e => e.Agency,
        TaskCompleted e => e.Agency,
        TaskEscalated e => e.Agency,
        _ => null,
    };
}
