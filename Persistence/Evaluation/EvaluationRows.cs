namespace Coordination.Persistence.Evaluation;

/// <summary>One alert as the evaluation reads it; times in Unix milliseconds (a quarter holds many, read without conversions).</summary>
public sealed class EvaluationAlertRow
{
    public Guid IncidentId { get; set; }
    public string Agency { get; set; } = "";
    public string Hazard { get; set; } = "";
    public string District { get; set; } = "";
    public long AlertedAt { get; set; }
    public long AcknowledgeBy { get; set; }
    public long? AcknowledgedAt { get; set; }
    /// <summary>The agency's first update on the incident.</summary>
    public long? FirstUpdateAt { get; set; }
    public int EscalationLevel { get; set; }
    /// <summary>The alert's entry.</summary>
    public long Position { get; set; }
    public long? AcknowledgedPosition { get; set; }
    public long? FirstUpdatePosition { get; set; }
}

/// <summary>One task of a plan as the evaluation reads it, with its incident's hazard and district; times in Unix milliseconds.</summary>
public sealed class EvaluationTaskRow
{
    public Guid IncidentId { get; set; }
    public string PlanCode { get; set; } = "";
    public string TaskId { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Hazard { get; set; } = "";
    public string District { get; set; } = "";
    public long AssignedAt { get; set; }
    public long DueAt { get; set; }
    public long? CompletedAt { get; set; }
    public string Status { get; set; } = "";
    public int EscalationLevel { get; set; }
    /// <summary>The assignment's entry.</summary>
    public long Position { get; set; }
    public long? CompletedPosition { get; set; }
}
