namespace Coordination.Persistence.Register;

/// <summary>A risk's review as its latest version has it, and how far the alerting of an overdue review has gone.</summary>
public sealed class RiskReviewRow
{
    public Guid RiskId { get; set; }

    public string Code { get; set; } = "";

    public string TitleAr { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string LeadAgency { get; set; } = "";

    /// <summary>The next review date, yyyy-MM-dd.</summary>
    public string NextReview { get; set; } = "";

    /// <summary>When the review becomes overdue (the day after the date, UTC).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>0 nothing yet, 1 the lead agency alerted, 2 reminded, 3 to 5 escalation levels 1 to 3.</summary>
    public int Step { get; set; }
}
