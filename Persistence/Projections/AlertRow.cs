using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Persistence.Projections;

/// <summary>One agency's alert for one incident, as its liaison's inbox shows it.</summary>
public sealed class AlertRow
{
    public Guid IncidentId { get; set; }
    public string Agency { get; set; } = "";
    public Guid AlertEventId { get; set; }
    public HazardType Hazard { get; set; }
    public Severity Severity { get; set; }
    public string District { get; set; } = "";
    public string Title { get; set; } = "";
    public string RuleId { get; set; } = "";
    public DateTimeOffset AlertedAt { get; set; }
    public DateTimeOffset AcknowledgeBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public bool IsExercise { get; set; }
    /// <summary>The incident's exercise, when read with it (the follow-up scan).</summary>
    public Guid? ExerciseId { get; set; }
    public long Position { get; set; }
    /// <summary>0 until the alert is escalated; then 1 (agency duty officer), 2 (agency head), 3 (duty office and commanders).</summary>
    public int EscalationLevel { get; set; }
    /// <summary>The agency's last acknowledgement or update on the incident.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }
    public long? LastActivityPosition { get; set; }
    /// <summary>Reminders sent since the agency's last activity.</summary>
    public int RemindersSent { get; set; }
    /// <summary>The position of the change that revoked the agency's clearance for the (restricted) incident; null while cleared.</summary>
    public long? RevokedPosition { get; set; }

    /// <summary>False once the agency's clearance was revoked: it sees nothing more of the incident.</summary>
    public bool IsCurrent => RevokedPosition is null;
}
