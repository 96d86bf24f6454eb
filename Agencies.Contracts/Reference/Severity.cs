namespace Coordination.Agencies.Contracts.Reference;

/// <summary>CAP 1.2 severity, from most to least severe.</summary>
public enum Severity
{
    /// <summary>Unknown severity.</summary>
    Unknown = 0,
    /// <summary>Minimal to no known threat to life or property.</summary>
    Minor = 1,
    /// <summary>Possible threat to life or property.</summary>
    Moderate = 2,
    /// <summary>Significant threat to life or property.</summary>
    Severe = 3,
    /// <summary>Extraordinary threat to life or property.</summary>
    Extreme = 4,
}
