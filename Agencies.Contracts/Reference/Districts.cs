namespace Coordination.Agencies.Contracts.Reference;

/// <summary>One of Libya's districts (shabiyat) with its seat's position.</summary>
/// <param name="Code">Stable identifier used in commands, rules and the log.</param>
/// <param name="NameAr">Arabic name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Seat">The district seat, in English.</param>
/// <param name="Latitude">WGS84 latitude of the seat.</param>
/// <param name="Longitude">WGS84 longitude of the seat.</param>
public sealed record District(string Code, string NameAr, string NameEn, string Seat, double Latitude, double Longitude);

/// <summary>Libya's 22 districts.</summary>
public static class Districts
{
    /// <summary>Every district, east to west roughly as the coast runs, then the south.</summary>
    public static IReadOnlyList<District> All { get; } =
    [
        new("butnan", "البطنان", "Al Butnan", "Tobruk", 32.08, 23.96),
        new("derna", "درنة", "Derna", "Derna", 32.76, 22.64),
        new("jabal-akhdar", "الجبل الأخضر", "Al Jabal al Akhdar", "Al Bayda", 32.76, 21.76),
        new("marj", "المرج", "Al Marj", "Al Marj", 32.49, 20.83),
        new("benghazi", "بنغازي", "Benghazi", "Benghazi", 32.12, 20.07),
        new("wahat", "الواحات", "Al Wahat", "Ajdabiya", 30.76, 20.23),
        new("kufra", "الكفرة", "Al Kufrah", "Kufra", 24.18, 23.31),
        new("sirte", "سرت", "Sirte", "Sirte", 31.21, 16.59),
        new("misrata", "مصراتة", "Misrata", "Misrata", 32.38, 15.09),
        new("murqub", "المرقب", "Al Murqub", "Khoms", 32.65, 14.26),
        new("tripoli", "طرابلس", "Tripoli", "Tripoli", 32.89, 13.19),
        new("jafara", "الجفارة", "Al Jafara", "Al Aziziya", 32.53, 13.02),
        new("zawiya", "الزاوية", "Az Zawiya", "Zawiya", 32.76, 12.73),
        new("nuqat-khams", "النقاط الخمس", "An Nuqat al Khams", "Zuwara", 32.93, 12.08),
        new("jabal-gharbi", "الجبل الغربي", "Al Jabal al Gharbi", "Gharyan", 32.17, 13.02),
        new("nalut", "نالوت", "Nalut", "Nalut", 31.87, 10.98),
        new("jufra", "الجفرة", "Al Jufrah", "Hun", 29.13, 15.95),
        new("sabha", "سبها", "Sabha", "Sabha", 27.04, 14.43),
        new("wadi-shatii", "وادي الشاطئ", "Wadi al Shatii", "Brak", 27.55, 14.27),
        new("wadi-hayaa", "وادي الحياة", "Wadi al Hayaa", "Ubari", 26.59, 12.78),
        new("ghat", "غات", "Ghat", "Ghat", 24.96, 10.18),
        new("murzuq", "مرزق", "Murzuq", "Murzuq", 25.92, 13.92),
    ];

    /// <summary>True when <paramref name="code"/> names a district (exact, lower-case code).</summary>
    /// <param name="code">A district code.</param>
    /// <returns>Whether the code is known.</returns>
    public static bool IsKnown(string? code) => code is not null && All.Any(d => d.Code == code);
}
