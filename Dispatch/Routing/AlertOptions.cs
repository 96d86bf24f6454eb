using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Dispatch.Routing;

/// <summary>Coordination:Alerts. How long an agency has to acknowledge, by severity.</summary>
public sealed class AlertOptions
{
    public const string Section = "Coordination:Alerts";

    public TimeSpan AcknowledgeExtremeWithin { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan AcknowledgeSevereWithin { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan AcknowledgeModerateWithin { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan AcknowledgeMinorWithin { get; set; } = TimeSpan.FromMinutes(60);
    public TimeSpan AcknowledgeUnknownWithin { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan AcknowledgeWithin(Severity severity) => severity switch
    {
        Severity.Extreme => AcknowledgeExtremeWithin,
        Severity.Severe => AcknowledgeSevereWithin,
        Severity.Moderate => AcknowledgeModerateWithin,
        Severity.Minor => AcknowledgeMinorWithin,
        _ => AcknowledgeUnknownWithin,
    };
}
