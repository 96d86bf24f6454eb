using System.Globalization;
using System.Net;
using System.Text;

namespace Coordination.Hub.Features.Printing;

/// <summary>
/// A report laid out for paper (the evaluation's periodic report; an exercise's after-action report takes the same path):
/// a whole HTML document in one language, right to left in Arabic, styled by the hub's print stylesheet and drawn with
/// inline SVG only, so the same text is the page a browser prints and the file Chromium turns into a PDF.
/// </summary>
/// <param name="Title">The document's title.</param>
/// <param name="Arabic">Arabic (right to left) or English.</param>
/// <param name="Body">The body's HTML, already encoded.</param>
public sealed record PrintablePage(string Title, bool Arabic, string Body)
{
    /// <summary>The print stylesheet, under the console's root.</summary>
    public const string Stylesheet = "css/print.css";

    /// <summary>The page as served: the stylesheet linked, as the Content-Security-Policy allows.</summary>
    public string Html() => Document($"<link rel=\"stylesheet\" href=\"/{Stylesheet}\">");

    /// <summary>The page as one self-contained file: the stylesheet written into it, so nothing is fetched while it prints.</summary>
    public string SelfContained(string stylesheet) => Document($"<style>{stylesheet}</style>");

    /// <summary>Text made safe for HTML.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number as printed: Western digits in both languages, as the console writes them.</summary>
    public static string Number(double value, int decimals = 0) => value.ToString(decimals == 0 ? "N0" : "N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private string Document(string style)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{(Arabic ? "ar" : "en")}\" dir=\"{(Arabic ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(Title)}</title>{style}</head><body>{Body}</body></html>");
        return html.ToString();
    }
}
