using Coordination.Agencies.Contracts.FollowUp;

namespace Coordination.Persistence.FollowUp;

/// <summary>An improvement item as its stream now has it, and how far the alerting of an overdue item has gone.</summary>
public sealed class ImprovementItemRow
{
    public Guid ItemId { get; set; }

    public string OwnerAgency { get; set; } = "";

    public string ActionAr { get; set; } = "";

    public string ActionEn { get; set; } = "";

    /// <summary>The due date, yyyy-MM-dd.</summary>
    public string DueDate { get; set; } = "";

    /// <summary>When it becomes overdue (the day after the due date, UTC).</summary>
    public DateTimeOffset DueAt { get; set; }

    public ImprovementSource Source { get; set; }

    public Guid? SourceId { get; set; }

    /// <summary>Open or Done.</summary>
    public string Status { get; set; } = "";

    /// <summary>What was done, once done.</summary>
    public string? Note { get; set; }

    public string RecordedBy { get; set; } = "";

    /// <summary>Unix milliseconds.</summary>
    public long RecordedAt { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>Unix milliseconds, once done.</summary>
    public long? CompletedAt { get; set; }

    /// <summary>The position of the item's latest change (its recording, completion or new due date).</summary>
    public long Position { get; set; }

    /// <summary>0 nothing yet, 1 the owner agency alerted, 2 reminded, 3 to 5 escalation levels 1 to 3.</summary>
    public int Step { get; set; }
}
