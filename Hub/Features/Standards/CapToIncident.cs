using System.Globalization;
using System.Xml.Linq;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Features.Standards;

/// <summary>
/// What a CAP message says in the hub's terms: which hazard, where (district), how bad, and which earlier message an
/// Update or Cancel refers to. Chosen from what partners actually send: our own <c>eventCode</c> or the event's words
/// or the CAP category for the hazard; the <c>LY-district</c> geocode, a district's name in <c>areaDesc</c>, or the
/// nearest district seat to a circle or polygon for the place.
/// </summary>
public static class CapToIncident
{
    private static readonly XNamespace Cap = CapAlerts.Cap;

    private static readonly (string[] Words, HazardType Hazard)[] EventWords =
    [
        (["flood", "فيضان", "سيول", "inondation", "crue"], HazardType.Flood),
        (["sand", "dust", "رملية", "غبار", "sable"], HazardType.Sandstorm),
        (["heat", "حر", "canicule"], HazardType.Heatwave),
        (["earthquake", "زلزال", "séisme"], HazardType.Earthquake),
        (["fire", "حريق", "incendie"], HazardType.Wildfire),
        (["storm", "wind", "medicane", "عاصفة", "رياح", "إعصار", "tempête", "vent"], HazardType.Storm),
        (["drought", "جفاف", "sécheresse"], HazardType.Drought),
    ];

    private static readonly Dictionary<string, HazardType> ByCategory = new(StringComparer.Ordinal)
    {
        ["Met"] = HazardType.Storm, ["Geo"] = HazardType.Earthquake, ["Fire"] = HazardType.Wildfire, ["Health"] = HazardType.Epidemic,
        ["Security"] = HazardType.SecurityIncident, ["Rescue"] = HazardType.MigrationSeaRescue, ["Transport"] = HazardType.TransportAccident,
        ["Infra"] = HazardType.PowerFailure, ["Env"] = HazardType.Drought, ["Safety"] = HazardType.IndustrialAccident, ["CBRNE"] = HazardType.IndustrialAccident,
    };

    public static string Text(XElement parent, string name) => parent.Element(Cap + name)?.Value.Trim() ?? "";

    /// <summary>The info to read first: Arabic when there is one, else the first.</summary>
    public static XElement? MainInfo(XElement alert) =>
        alert.Elements(Cap + "info").FirstOrDefault(i => Text(i, "language").StartsWith("ar", StringComparison.OrdinalIgnoreCase))
        ?? alert.Elements(Cap + "info").FirstOrDefault();

    public static HazardType? Hazard(XElement alert)
    {
        var infos = alert.Elements(Cap + "info").ToList();
        var code = infos.SelectMany(i => i.Elements(Cap + "eventCode")).FirstOrDefault(c => Text(c, "valueName") == "hazard");
        if (code is not null && Enum.TryParse<HazardType>(Text(code, "value"), ignoreCase: false, out var own) && Enum.IsDefined(own))
        {
            return own;
        }

        var events = string.Join(' ', infos.Select(i => Text(i, "event"))).ToLowerInvariant();
        foreach (var (words, hazard) in EventWords)
        {
            if (words.Any(w => events.Contains(w, StringComparison.Ordinal)))
            {
                return hazard;
            }
        }

        foreach (var category in infos.SelectMany(i => i.Elements(Cap + "category")))
        {
            if (ByCategory.TryGetValue(category.Value.Trim(), out var byCategory))
            {
                return byCategory;
            }
        }

        return null;
    }

    /// <summary>The Libyan district the message's areas name or point into; null when none does.</summary>
    public static (string District, double? Latitude, double? Longitude)? Place(XElement alert)
    {
        var areas = alert.Elements(Cap + "info").SelectMany(i => i.Elements(Cap + "area")).ToList();
        var point = areas.SelectMany(a => a.Elements(Cap + "circle")).Select(c => Point(c.Value.Split(' ')[0])).FirstOrDefault(p => p is not null)
            ?? areas.SelectMany(a => a.Elements(Cap + "polygon")).Select(p => Centre(p.Value)).FirstOrDefault(p => p is not null);
        var coded = areas.SelectMany(a => a.Elements(Cap + "geocode")).FirstOrDefault(g => Text(g, "valueName") == "LY-district" && Districts.IsKnown(Text(g, "value")));
        if (coded is not null)
        {
            return (Text(coded, "value"), point?.Lat, point?.Lon);
        }

        var named = areas.Select(a => Text(a, "areaDesc"))
            .Select(desc => Districts.All.FirstOrDefault(d => desc.Contains(d.NameAr, StringComparison.Ordinal) || desc.Contains(d.NameEn, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(d => d is not null);
        if (named is not null)
        {
            return (named.Code, point?.Lat, point?.Lon);
        }

        if (point is { } p && p.Lat is >= 19 and <= 34 && p.Lon is >= 9 and <= 26)
        {
            var nearest = Districts.All.MinBy(d => Math.Pow(d.Latitude - p.Lat, 2) + Math.Pow(d.Longitude - p.Lon, 2))!;
            return (nearest.Code, p.Lat, p.Lon);
        }

        return null;
    }

    /// <summary>The first <c>sender,identifier,sent</c> triple of <c>references</c>: the message the series began with.</summary>
    public static string? FirstReference(XElement alert) => Text(alert, "references").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    public static T? Parse<T>(XElement? info, string name) where T : struct, Enum =>
        info is not null && Enum.TryParse<T>(Text(info, name), ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : null;

    public static DateTimeOffset? Time(XElement? parent, string name) =>
        parent is not null && DateTimeOffset.TryParse(Text(parent, name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private static (double Lat, double Lon)? Point(string pair)
    {
        var parts = pair.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            ? (lat, lon)
            : null;
    }

    private static (double Lat, double Lon)? Centre(string polygon)
    {
        var points = polygon.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Point).OfType<(double Lat, double Lon)>().ToList();
        return points.Count == 0 ? null : (points.Average(p => p.Lat), points.Average(p => p.Lon));
    }
}
