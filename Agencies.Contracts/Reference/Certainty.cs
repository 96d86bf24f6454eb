namespace Coordination.Agencies.Contracts.Reference;

/// <summary>CAP 1.2 certainty.</summary>
public enum Certainty
{
    /// <summary>Certainty unknown.</summary>
    Unknown = 0,
    /// <summary>Not expected to occur (probability about 2% or less).</summary>
    Unlikely = 1,
    /// <summary>Possible but not likely (probability about 50% or less).</summary>
    Possible = 2,
    /// <summary>Likely (probability above about 50%).</summary>
    Likely = 3,
    /// <summary>Determined to have occurred or to be ongoing.</summary>
    Observed = 4,
}
