using Coordination.Agencies.Contracts.Plans;

namespace Coordination.Persistence.Plans;

/// <summary>One plan activated on one incident: which version, why, and whether it has been stood down.</summary>
public sealed class PlanActivationRow
{
    public Guid IncidentId { get; set; }
    public string PlanCode { get; set; } = "";
    public Guid PlanId { get; set; }
    public int PlanVersion { get; set; }
    public string TitleAr { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public PlanTrigger TriggerKind { get; set; }
    public string ActivatedBy { get; set; } = "";
    public DateTimeOffset ActivatedAt { get; set; }
    public string? Reason { get; set; }
    public long Position { get; set; }
    public DateTimeOffset? StoodDownAt { get; set; }
    public string? StoodDownBy { get; set; }
    public string? StandDownReason { get; set; }
}
