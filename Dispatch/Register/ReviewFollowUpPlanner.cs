using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Register;
using Coordination.Dispatch.Escalation;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Register;

namespace Coordination.Dispatch.Register;

/// <summary>
/// Decides, from a risk's review in the log and the time now, what an overdue review is owed: the day after its next
/// review date its lead agency is alerted (<see cref="RiskReviewOverdue"/>), a review step interval later reminded, then
/// escalated up the chain an unacknowledged alert climbs, one step interval each, until a review or change records a new
/// date (<see cref="OverdueFollowUp"/>, the same steps improvement items take).
/// </summary>
public static class ReviewFollowUpPlanner
{
    public static IEnumerable<NewEvent> Due(RiskReviewRow review, DateTimeOffset now, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(options);
        var nextReview = OverdueSteps.Parse(review.NextReview);
        foreach (var (step, dueAt) in OverdueFollowUp.StepsDue(review.Step, review.DueAt, now, options.ReviewStepInterval))
        {
            yield return step switch
            {
                OverdueSteps.Alerted => Create(EventTypes.RiskReviewOverdue,
                    new RiskReviewOverdue(review.RiskId, review.Code, review.TitleAr, review.TitleEn, review.LeadAgency, nextReview, dueAt)),
                OverdueSteps.Reminded => Create(EventTypes.RiskReviewReminderSent,
                    new RiskReviewReminderSent(review.RiskId, review.Code, review.LeadAgency, nextReview, dueAt)),
                _ => Create(EventTypes.RiskReviewEscalated, new RiskReviewEscalated(
                    review.RiskId, review.Code, review.LeadAgency, OverdueFollowUp.Level(step).Level, OverdueFollowUp.Level(step).EscalatedTo, nextReview, dueAt)),
            };

            NewEvent Create<T>(string type, T data) => OverdueFollowUp.Create(review.RiskId, "review", review.NextReview, step, type, data);
        }
    }
}
