namespace Coordination.Agencies.Contracts.Capabilities;

/// <summary>A kind of resource an agency holds and a contingency plan's task may need, e.g. a swift-water rescue team.</summary>
/// <param name="Code">Stable identifier used in plans, declarations and the log, e.g. <c>swift-water-rescue-team</c>.</param>
/// <param name="NameAr">Arabic name, for one unit.</param>
/// <param name="NameEn">English name, for one unit.</param>
public sealed record Capability(string Code, string NameAr, string NameEn);

/// <summary>
/// The fixed vocabulary of capabilities: what agencies declare they hold and what plans' tasks need are counted in the
/// same units, so the register can set one against the other. A code outside it is refused.
/// </summary>
public static class Capabilities
{
    /// <summary>Every capability, command and rescue first, then medical, shelter and relief, then machinery and security.</summary>
    public static IReadOnlyList<Capability> All { get; } =
    [
        new("operations-room", "غرفة عمليات", "Operations room"),
        new("search-and-rescue-team", "فريق بحث وإنقاذ", "Search and rescue team"),
        new("urban-search-and-rescue-team", "فريق بحث وإنقاذ في المباني المنهارة", "Urban search and rescue team"),
        new("swift-water-rescue-team", "فريق إنقاذ في المياه السريعة", "Swift-water rescue team"),
        new("rescue-boat", "قارب إنقاذ", "Rescue boat"),
        new("diving-team", "فريق غوص", "Diving team"),
        new("firefighting-unit", "وحدة إطفاء", "Firefighting unit"),
        new("hazmat-team", "فريق المواد الخطرة", "Hazardous materials team"),
        new("ambulance", "سيارة إسعاف", "Ambulance"),
        new("field-hospital", "مستشفى ميداني", "Field hospital"),
        new("medical-team", "فريق طبي", "Medical team"),
        new("first-aid-team", "فريق إسعافات أولية", "First aid team"),
        new("shelter-team", "فريق إيواء", "Shelter team"),
        new("shelter", "مركز إيواء (100 شخص)", "Shelter (100 people)"),
        new("water-tanker", "صهريج مياه", "Water tanker"),
        new("relief-truck", "شاحنة إغاثة", "Relief truck"),
        new("heavy-machinery", "آلية ثقيلة", "Heavy machinery"),
        new("generator", "مولد كهربائي متنقل", "Mobile generator"),
        new("evacuation-bus", "حافلة إخلاء", "Evacuation bus"),
        new("helicopter", "طائرة مروحية", "Helicopter"),
        new("security-patrol", "دورية أمنية", "Security patrol"),
    ];

    private static readonly Dictionary<string, Capability> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>True for a code in the vocabulary (written exactly).</summary>
    /// <param name="code">The code to look up.</param>
    /// <returns>Whether it is known.</returns>
    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The capability with this code, or null.</summary>
    /// <param name="code">The code to look up.</param>
    /// <returns>The capability, or null for an unknown code.</returns>
    public static Capability? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var capability) ? capability : null;
}

/// <summary>How many units of one capability an agency holds in one district.</summary>
/// <param name="Capability">The capability's code.</param>
/// <param name="Count">How many, 0 or more.</param>
/// <param name="District">The district they are based in.</param>
public sealed record CapabilityHolding(string Capability, int Count, string District);

/// <summary>
/// An agency declared what it holds: the whole list, replacing the one before (each declaration is one entry on the
/// agency's own capabilities stream, so the stream is the declarations' history).
/// </summary>
/// <param name="Agency">The agency.</param>
/// <param name="Holdings">Everything it holds, one line per capability and district.</param>
/// <param name="By">Who declared it.</param>
/// <param name="Reason">Why, when given (required for every declaration after the first).</param>
/// <param name="At">When.</param>
/// <param name="IsSample">True for the sample holdings shipped with the hub, not an agency's real declaration.</param>
public sealed record CapabilitiesDeclared(string Agency, IReadOnlyList<CapabilityHolding> Holdings, string By, string? Reason, DateTimeOffset At, bool IsSample);
