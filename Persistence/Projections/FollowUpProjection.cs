using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.HashChain;
using Coordination.Persistence.Scripts;

namespace Coordination.Persistence.Projections;

/// <summary>
/// Folds the joint committee's follow-up into <c>improvement_items</c> and <c>coordination_meetings</c>, for
/// <see cref="ReadModelProjector"/>, in the append's own transaction like the rest. An item's owner agency joins the
/// audience of the item's stream at its recording (the audience overdue reviews use), so the item, its completion and
/// its overdue alerts reach that agency's liaisons and no other agency's.
/// </summary>
public static class FollowUpProjection
{
    /// <summary>Folds <paramref name="data"/> when it is an entry of the follow-up; false for any other entry.</summary>
    public static async Task<bool> ApplyAsync(IAppendStatements statements, StoredRow row, object? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(row);
        switch (data)
        {
            case ImprovementItemRecorded e:
                await statements.ExecuteAsync(SqlScripts.FollowUp.ItemInsert, new
                {
                    e.Item.ItemId,
                    e.Item.OwnerAgency,
                    e.Item.ActionAr,
                    e.Item.ActionEn,
                    DueDate = OverdueSteps.Stored(e.Item.DueDate),
                    DueAt = OverdueSteps.OverdueFrom(e.Item.DueDate).ToUnixTimeMilliseconds(),
                    Source = e.Item.Source.ToString(),
                    e.Item.SourceId,
                    RecordedBy = e.By,
                    RecordedAt = e.At.ToUnixTimeMilliseconds(),
                    row.Position,
                }, cancellationToken);
                await statements.ExecuteAsync(SqlScripts.Register.ReviewAudienceInsert, new { RiskId = e.Item.ItemId, Agency = e.Item.OwnerAgency, row.Position }, cancellationToken);
                return true;
            case ImprovementItemCompleted e:
                await statements.ExecuteAsync(SqlScripts.FollowUp.ItemComplete, new
                {
                    e.ItemId,
                    e.Note,
                    CompletedBy = e.By,
                    CompletedAt = e.At.ToUnixTimeMilliseconds(),
                    row.Position,
                }, cancellationToken);
                return true;
            case ImprovementItemRescheduled e:
                await statements.ExecuteAsync(SqlScripts.FollowUp.ItemReschedule, new
                {
                    e.ItemId,
                    DueDate = OverdueSteps.Stored(e.DueDate),
                    DueAt = OverdueSteps.OverdueFrom(e.DueDate).ToUnixTimeMilliseconds(),
                    row.Position,
                }, cancellationToken);
                return true;
            case ImprovementItemOverdue e:
                await Step(e.ItemId, e.DueDate, OverdueSteps.Alerted);
                return true;
            case ImprovementItemReminderSent e:
                await Step(e.ItemId, e.DueDate, OverdueSteps.Reminded);
                return true;
            case ImprovementItemEscalated e:
                await Step(e.ItemId, e.DueDate, OverdueSteps.Reminded + e.Level);
                return true;
            case MeetingRecorded e:
                await statements.ExecuteAsync(SqlScripts.FollowUp.MeetingInsert, new
                {
                    e.Meeting.MeetingId,
                    HeldOn = OverdueSteps.Stored(e.Meeting.HeldOn),
                    RecordedBy = e.By,
                    RecordedAt = e.At.ToUnixTimeMilliseconds(),
                    row.Position,
                    Data = JsonSerializer.Serialize(e.Meeting, ContractJson.Options),
                }, cancellationToken);
                return true;
            default:
                return false;
        }

        Task Step(Guid itemId, DateOnly dueDate, int step) =>
            statements.ExecuteAsync(SqlScripts.FollowUp.ItemStep, new { ItemId = itemId, DueDate = OverdueSteps.Stored(dueDate), Step = step }, cancellationToken);
    }
}
