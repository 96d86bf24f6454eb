namespace Coordination.Agencies.Contracts.Reference;

/// <summary>CAP 1.2 urgency.</summary>
public enum Urgency
{
    /// <summary>Urgency not known.</summary>
    Unknown = 0,
    /// <summary>Responsive action is no longer required.</summary>
    Past = 1,
    /// <summary>Responsive action should be taken in the more distant future.</summary>
    Future = 2,
    /// <summary>Responsive action should be taken soon (within the next hour).</summary>
    Expected = 3,
    /// <summary>Responsive action should be taken immediately.</summary>
    Immediate = 4,
}
