namespace Coordination.Agencies.Contracts.Register;

/// <summary>The register's four themes of risk.</summary>
public enum RiskTheme
{
    /// <summary>Natural hazards: floods, storms and medicanes, sandstorms, heatwaves, earthquakes, drought.</summary>
    Natural,

    /// <summary>Accidents: industrial and oil-facility accidents, transport, collapses.</summary>
    Accident,

    /// <summary>Societal risks: epidemics, failures of essential services, migration crises.</summary>
    Societal,

    /// <summary>Malicious risks: armed clashes, attacks, security crises (likelihood judged over 2 years, not 5).</summary>
    Malicious,
}

/// <summary>How sure the assessors are of a risk's scores.</summary>
public enum Confidence
{
    /// <summary>Little evidence; scores are judgement.</summary>
    Low,

    /// <summary>Some evidence.</summary>
    Medium,

    /// <summary>Good evidence: records, studies, recent events.</summary>
    High,
}
