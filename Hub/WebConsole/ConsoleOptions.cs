namespace Coordination.Hub.WebConsole;

/// <summary>Settings of the web console served at the hub's root.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Coordination:Console";

    /// <summary>
    /// Optional map tiles under the shipped outline of Libya, as an https URL with {z}, {x} and {y}
    /// (a tile server inside the network). Empty: the outline and district points only, no network needed.
    /// </summary>
    public string TileUrl { get; set; } = "";

    /// <summary>Credit line shown under the map when tiles are used.</summary>
    public string TileAttribution { get; set; } = "";

    /// <summary>The tile server's origin (scheme, host and port), which the Content-Security-Policy must allow for images.</summary>
    public string? TileOrigin()
    {
        if (string.IsNullOrWhiteSpace(TileUrl))
        {
            return null;
        }

        var probe = TileUrl.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal);
        return Uri.TryCreate(probe, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new InvalidOperationException($"{Section}:TileUrl must be an absolute http(s) URL with {{z}}, {{x}} and {{y}}, not '{TileUrl}'.");
    }
}
