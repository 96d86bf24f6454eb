namespace Coordination.Persistence.FollowUp;

/// <summary>A coordination meeting as it was recorded.</summary>
public sealed class MeetingRow
{
    public Guid MeetingId { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string HeldOn { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    /// <summary>Unix milliseconds.</summary>
    public long RecordedAt { get; set; }

    public long Position { get; set; }

    /// <summary>The whole meeting (<see cref="Agencies.Contracts.FollowUp.CoordinationMeeting"/>) as JSON.</summary>
    public string Data { get; set; } = "";
}
