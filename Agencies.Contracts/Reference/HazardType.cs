namespace Coordination.Agencies.Contracts.Reference;

/// <summary>The hazards the hub tracks, natural and human-made.</summary>
public enum HazardType
{
    /// <summary>Flood or flash flood, including dam failure.</summary>
    Flood,
    /// <summary>Storm or Mediterranean hurricane (medicane).</summary>
    Storm,
    /// <summary>Sandstorm or dust storm.</summary>
    Sandstorm,
    /// <summary>Earthquake.</summary>
    Earthquake,
    /// <summary>Heatwave.</summary>
    Heatwave,
    /// <summary>Wildfire.</summary>
    Wildfire,
    /// <summary>Drought.</summary>
    Drought,
    /// <summary>Industrial or oil-facility accident.</summary>
    IndustrialAccident,
    /// <summary>Fuel or gas explosion.</summary>
    FuelGasExplosion,
    /// <summary>Building collapse.</summary>
    BuildingCollapse,
    /// <summary>Road, rail, air or sea transport accident.</summary>
    TransportAccident,
    /// <summary>Security incident.</summary>
    SecurityIncident,
    /// <summary>Armed clash.</summary>
    ArmedClash,
    /// <summary>Mass migration or rescue at sea.</summary>
    MigrationSeaRescue,
    /// <summary>Epidemic or disease outbreak.</summary>
    Epidemic,
    /// <summary>Power infrastructure failure.</summary>
    PowerFailure,
    /// <summary>Water infrastructure failure.</summary>
    WaterFailure,
    /// <summary>Telecommunications failure.</summary>
    TelecomFailure,
}
