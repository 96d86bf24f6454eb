using System.Globalization;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Register;
using Coordination.Dispatch.Escalation;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Register;

namespace Coordination.Dispatch.Register;

/// <summary>
/// Decides, from a risk's review in the log and the time now, what an overdue review is owed: the day after its next
/// review date its lead agency is alerted (<see cref="RiskReviewOverdue"/>), a review step interval later reminded, then
/// escalated up the chain an unacknowledged alert climbs, one step interval each, until a review or change records a new
/// date. Pure: every id derives from the risk, the review date and the step, so a restart or a second hub deciding again
/// appends nothing new, and each new review date starts afresh.
/// </summary>
public static class ReviewFollowUpPlanner
{
    public static IEnumerable<NewEvent> Due(RiskReviewRow review, DateTimeOffset now, EscalationOptions options)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(options);
        var nextReview = DateOnly.ParseExact(review.NextReview, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var step = review.Step + 1; step <= RiskReviewProjection.LastStep; step++)
        {
            var dueAt = review.DueAt + (options.ReviewStepInterval * (step - 1));
            if (now < dueAt)
            {
                yield break;
            }

            var purpose = $"review:{review.NextReview}:{step}";
            yield return step switch
            {
                RiskReviewProjection.Alerted => Create(review, purpose, EventTypes.RiskReviewOverdue,
                    new RiskReviewOverdue(review.RiskId, review.Code, review.TitleAr, review.TitleEn, review.LeadAgency, nextReview, dueAt)),
                RiskReviewProjection.Reminded => Create(review, purpose, EventTypes.RiskReviewReminderSent,
                    new RiskReviewReminderSent(review.RiskId, review.Code, review.LeadAgency, nextReview, dueAt)),
                _ => Create(review, purpose, EventTypes.RiskReviewEscalated, new RiskReviewEscalated(
                    review.RiskId, review.Code, review.LeadAgency, step - RiskReviewProjection.Reminded, FollowUpPlanner.Chain[step - RiskReviewProjection.Reminded - 1], nextReview, dueAt)),
            };
        }
    }

    private static NewEvent Create<T>(RiskReviewRow review, string purpose, string type, T data)
    {
        var eventId = DerivedEventId.Create(review.RiskId, purpose);
        return new NewEvent(eventId, type, JsonSerializer.Serialize(data, ContractJson.Options),
            new EntryMetadata(FollowUpPlanner.Actor, "moi-duty", eventId, null, false));
    }
}
