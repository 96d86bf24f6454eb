namespace Coordination.Hub.Features.Printing;

/// <summary>How the hub prints reports as PDF: by running a headless Chromium on the report's printable page.</summary>
public sealed class PrintOptions
{
    public const string Section = "Coordination:Print";

    /// <summary>The Chromium (or Chrome) executable; when it is missing the PDF endpoints answer 503 and the printable pages still work.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one PDF may take to print before it is given up.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
