namespace Coordination.Hub.Features.Printing;

/// <summary>A report as sent: its printable page (HTML) or its PDF.</summary>
/// <param name="ContentType">text/html or application/pdf.</param>
/// <param name="Content">The file.</param>
/// <param name="FileName">The name to save a PDF under; null for a page shown in place.</param>
public sealed record PrintedReport(string ContentType, byte[] Content, string? FileName)
{
    public const string Html = "html";
    public const string Pdf = "pdf";

    public static IReadOnlyList<string> Formats { get; } = [Html, Pdf];

    /// <summary>Refuses (503) a PDF this hub cannot print, before the report is read: without Chromium there is nothing to wait for.</summary>
    public static void DemandPrintable(string? format, PdfPrinter printer)
    {
        ArgumentNullException.ThrowIfNull(printer);
        if (format == Pdf && !printer.Available)
        {
            throw Refusals.Refuse.PdfUnavailable();
        }
    }

    /// <summary>The page in the format asked for: as it is, or printed to PDF.</summary>
    public static async Task<PrintedReport> OfAsync(PrintablePage page, string? format, string fileName, PdfPrinter printer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(printer);
        return format == Pdf
            ? new PrintedReport("application/pdf", await printer.PrintAsync(page, cancellationToken), fileName + ".pdf")
            : new PrintedReport("text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(page.Html()), null);
    }
}
