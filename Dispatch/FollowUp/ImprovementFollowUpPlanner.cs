using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Escalation;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.FollowUp;
using Coordination.Persistence.Projections;

namespace Coordination.Dispatch.FollowUp;

/// <summary>
/// Decides, from an open improvement item in the log and the time now, what an overdue item is owed: the day after its
/// due date its owner agency is alerted (<see cref="ImprovementItemOverdue"/>), reminded, then escalated, exactly as an
/// overdue risk review is (<see cref="OverdueFollowUp"/>), until it is done or given a new date.
/// </summary>
public static class ImprovementFollowUpPlanner
{
    public static IEnumerable<NewEvent> Due(ImprovementItemRow item, DateTimeOffset now, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        var dueDate = OverdueSteps.Parse(item.DueDate);
        foreach (var (step, dueAt) in OverdueFollowUp.StepsDue(item.Step, item.DueAt, now, options.ReviewStepInterval))
        {
            yield return step switch
            {
                OverdueSteps.Alerted => Create(EventTypes.ImprovementItemOverdue,
                    new ImprovementItemOverdue(item.ItemId, item.OwnerAgency, item.ActionAr, item.ActionEn, dueDate, dueAt)),
                OverdueSteps.Reminded => Create(EventTypes.ImprovementItemReminderSent,
                    new ImprovementItemReminderSent(item.ItemId, item.OwnerAgency, dueDate, dueAt)),
                _ => Create(EventTypes.ImprovementItemEscalated, new ImprovementItemEscalated(
                    item.ItemId, item.OwnerAgency, OverdueFollowUp.Level(step).Level, OverdueFollowUp.Level(step).EscalatedTo, dueDate, dueAt)),
            };

            NewEvent Create<T>(string type, T data) => OverdueFollowUp.Create(item.ItemId, "item", item.DueDate, step, type, data);
        }
    }
}
