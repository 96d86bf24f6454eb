namespace Coordination.Agencies.Contracts.Reference;

/// <summary>A hazard type with its names and its usual CAP category.</summary>
/// <param name="Type">The hazard.</param>
/// <param name="NameAr">Arabic name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Category">The CAP category an incident of this hazard gets when none is given.</param>
/// <param name="IsNatural">True for natural hazards, false for human-made ones.</param>
public sealed record HazardInfo(HazardType Type, string NameAr, string NameEn, CapCategory Category, bool IsNatural);

/// <summary>The catalogue of hazards, in the order the console lists them.</summary>
public static class Hazards
{
    /// <summary>Every hazard the hub knows.</summary>
    public static IReadOnlyList<HazardInfo> All { get; } =
    [
        new(HazardType.Flood, "فيضان", "Flood", CapCategory.Met, true),
        new(HazardType.Storm, "عاصفة / إعصار متوسطي", "Storm / medicane", CapCategory.Met, true),
        new(HazardType.Sandstorm, "عاصفة رملية", "Sandstorm", CapCategory.Met, true),
        new(HazardType.Earthquake, "زلزال", "Earthquake", CapCategory.Geo, true),
        new(HazardType.Heatwave, "موجة حر", "Heatwave", CapCategory.Met, true),
        new(HazardType.Wildfire, "حريق غابات", "Wildfire", CapCategory.Fire, true),
        new(HazardType.Drought, "جفاف", "Drought", CapCategory.Env, true),
        new(HazardType.IndustrialAccident, "حادث صناعي أو نفطي", "Industrial or oil-facility accident", CapCategory.Safety, false),
        new(HazardType.FuelGasExplosion, "انفجار وقود أو غاز", "Fuel or gas explosion", CapCategory.Fire, false),
        new(HazardType.BuildingCollapse, "انهيار مبنى", "Building collapse", CapCategory.Rescue, false),
        new(HazardType.TransportAccident, "حادث نقل", "Transport accident", CapCategory.Transport, false),
        new(HazardType.SecurityIncident, "حادث أمني", "Security incident", CapCategory.Security, false),
        new(HazardType.ArmedClash, "اشتباك مسلح", "Armed clash", CapCategory.Security, false),
        new(HazardType.MigrationSeaRescue, "هجرة جماعية أو إنقاذ بحري", "Mass migration or sea rescue", CapCategory.Rescue, false),
        new(HazardType.Epidemic, "وباء", "Epidemic", CapCategory.Health, false),
        new(HazardType.PowerFailure, "انقطاع الكهرباء", "Power failure", CapCategory.Infra, false),
        new(HazardType.WaterFailure, "انقطاع المياه", "Water failure", CapCategory.Infra, false),
        new(HazardType.TelecomFailure, "انقطاع الاتصالات", "Telecom failure", CapCategory.Infra, false),
    ];

    /// <summary>The catalogue entry of one hazard.</summary>
    /// <param name="type">The hazard.</param>
    /// <returns>Its names and category.</returns>
    public static HazardInfo Get(HazardType type) => All.First(h => h.Type == type);
}
