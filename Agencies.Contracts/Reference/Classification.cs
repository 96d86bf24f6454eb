namespace Coordination.Agencies.Contracts.Reference;

/// <summary>Who may see an incident.</summary>
public enum Classification
{
    /// <summary>Visible to every agency it is routed to.</summary>
    Public = 0,
    /// <summary>Visible only to the agencies cleared for it, the duty office and commanders.</summary>
    Restricted = 1,
}
