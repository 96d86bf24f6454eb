namespace Coordination.Dispatch.Routing;

/// <summary>Coordination:Routing.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Coordination:Routing";

    /// <summary>
    /// A rules file (JSON, in the data directory unless the path is absolute) imported as the first version of the
    /// rules when the log has none; the sample rules when it does not exist. After that the rules live in the log.
    /// </summary>
    public string RulesPath { get; set; } = "routing-rules.json";

    /// <summary>
    /// Who is alerted when an incident matches no rule, so that a gap in the rules never means nobody is told.
    /// </summary>
    public string[] FallbackAgencies { get; set; } = ["ncem"];
}
