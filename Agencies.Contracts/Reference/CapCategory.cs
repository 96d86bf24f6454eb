namespace Coordination.Agencies.Contracts.Reference;

/// <summary>CAP 1.2 event category.</summary>
public enum CapCategory
{
    /// <summary>Geophysical, including landslide.</summary>
    Geo,
    /// <summary>Meteorological, including flood.</summary>
    Met,
    /// <summary>General emergency and public safety.</summary>
    Safety,
    /// <summary>Law enforcement, military, homeland and local or private security.</summary>
    Security,
    /// <summary>Rescue and recovery.</summary>
    Rescue,
    /// <summary>Fire suppression and rescue.</summary>
    Fire,
    /// <summary>Medical and public health.</summary>
    Health,
    /// <summary>Pollution and other environmental hazards.</summary>
    Env,
    /// <summary>Public and private transportation.</summary>
    Transport,
    /// <summary>Utility, telecommunication and other non-transport infrastructure.</summary>
    Infra,
    /// <summary>Chemical, biological, radiological, nuclear or high-yield explosive threat or attack.</summary>
    CBRNE,
    /// <summary>Other events.</summary>
    Other,
}
