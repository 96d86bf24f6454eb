namespace Coordination.Agencies.Contracts.Register;

/// <summary>
/// A risk's next review date passed without a review: its lead agency's liaisons are alerted (the entry is pushed to
/// them, and to the duty office and commanders). Appended once per next-review date.
/// </summary>
/// <param name="RiskId">The risk (also its stream).</param>
/// <param name="Code">The risk's code.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="LeadAgency">The agency that must review it.</param>
/// <param name="NextReview">The review date that passed.</param>
/// <param name="DueAt">When the review became overdue: the start of the day after <paramref name="NextReview"/> (UTC).</param>
public sealed record RiskReviewOverdue(Guid RiskId, string Code, string TitleAr, string TitleEn, string LeadAgency, DateOnly NextReview, DateTimeOffset DueAt);

/// <summary>An overdue review is still not done: the lead agency's liaisons are reminded, before it climbs the chain.</summary>
/// <param name="RiskId">The risk.</param>
/// <param name="Code">The risk's code.</param>
/// <param name="LeadAgency">The agency that must review it.</param>
/// <param name="NextReview">The review date that passed.</param>
/// <param name="DueAt">When this reminder fell due (UTC).</param>
public sealed record RiskReviewReminderSent(Guid RiskId, string Code, string LeadAgency, DateOnly NextReview, DateTimeOffset DueAt);

/// <summary>
/// An overdue review went one step up the chain, as an unacknowledged alert does: level 1 the lead agency's duty
/// officer, level 2 its head, level 3 the duty office and commanders.
/// </summary>
/// <param name="RiskId">The risk.</param>
/// <param name="Code">The risk's code.</param>
/// <param name="LeadAgency">The agency that must review it.</param>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="EscalatedTo">Who is now being alerted, in words.</param>
/// <param name="NextReview">The review date that passed.</param>
/// <param name="DueAt">When this step fell due (UTC).</param>
public sealed record RiskReviewEscalated(Guid RiskId, string Code, string LeadAgency, int Level, string EscalatedTo, DateOnly NextReview, DateTimeOffset DueAt);

/// <summary>
/// A risk was reviewed and its scores left as they are: the whole risk with its new next review date (a version of
/// the risk, like <see cref="RiskChanged"/>). Ends an overdue review's alerting.
/// </summary>
/// <param name="Risk">The risk after the review (only <c>NextReview</c> differs).</param>
/// <param name="PreviousReview">The review date it had.</param>
/// <param name="By">Who reviewed it.</param>
/// <param name="Note">What the review found, when given.</param>
/// <param name="At">When.</param>
public sealed record RiskReviewed(Risk Risk, DateOnly PreviousReview, string By, string? Note, DateTimeOffset At);
