using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Coordination.Tests.Hub.Console;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The evaluation as paper: the printable page in each language (right to left in Arabic), the PDF the hub prints
/// with headless Chromium whose Arabic text poppler's pdftotext reads back in reading order, and a clear refusal in
/// both languages when the hub has no Chromium, while the printable page still works.
/// </summary>
[TestFixture]
public sealed class EvaluationPrintTests
{
    [Test]
    public async Task The_printable_page_is_in_the_language_asked_for_right_to_left_in_Arabic_with_its_charts_and_tables()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var commander = await ReportedAsync(hub);
        var (arabic, arabicType) = await GetAsync(commander, "api/evaluation/report?period=month", "ar");
        var (english, _) = await GetAsync(commander, "api/evaluation/report?period=month", "en");
        var page = System.Text.Encoding.UTF8.GetString(arabic);
        var englishPage = System.Text.Encoding.UTF8.GetString(english);
        Assert.Multiple(() =>
        {
            Assert.That(arabicType, Is.EqualTo("text/html"));
            Assert.That(page, Does.Contain("<html lang=\"ar\" dir=\"rtl\">").And.Contain("تقرير التقييم").And.Contain("حسب الجهة").And.Contain("المركز الوطني لإدارة الطوارئ والأزمات والكوارث"));
            Assert.That(page, Does.Contain("<svg class=\"columns\"").And.Contain("<svg class=\"bar\""), "the distribution and the per-agency bars");
            Assert.That(page, Does.Contain("href=\"/css/print.css\"").And.Not.Contain("<script"), "styled by the hub's own stylesheet, as the CSP allows, and no script");
            Assert.That(englishPage, Does.Contain("<html lang=\"en\" dir=\"ltr\">").And.Contain("Evaluation report").And.Contain("Per district").And.Contain("Derna"));
        });
    }

    [Test]
    public async Task The_PDF_carries_the_Arabic_report_as_text_in_reading_order_and_its_first_page_is_pictured()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var commander = await ReportedAsync(hub);
        var (pdf, type) = await GetAsync(commander, "api/evaluation/report?period=month&format=pdf", "ar");
        Assert.That(type, Is.EqualTo("application/pdf"));
        Assert.That(pdf.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));

        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "report.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var text = await RunAsync("pdftotext", "-enc", "UTF-8", file, "-");
        // Each phrase whole, letters in logical order (not reversed, not split into presentation forms), and the
        // sections in the order the page reads.
        var title = text.IndexOf("تقرير التقييم", StringComparison.Ordinal);
        var agencies = text.IndexOf("حسب الجهة", StringComparison.Ordinal);
        var districts = text.IndexOf("حسب المنطقة", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(title, Is.GreaterThanOrEqualTo(0), text);
            Assert.That(agencies, Is.GreaterThan(title));
            Assert.That(districts, Is.GreaterThan(agencies));
            Assert.That(text, Does.Contain("الوطني"), "NCEM's line (its long name wraps in its cell)");
            Assert.That(text, Does.Contain("بلدية درنة"), "Derna municipality's line, its words in order");
            Assert.That(text, Does.Not.Contain("مييقتلا"), "not mirrored");
        });

        Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
        await RunAsync("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(ConsoleBrowser.ScreenshotFolder, "evaluation-report-ar"));
        Assert.That(new FileInfo(Path.Combine(ConsoleBrowser.ScreenshotFolder, "evaluation-report-ar.png")).Length, Is.GreaterThan(10_000));
    }

    [Test]
    public async Task Without_Chromium_the_PDF_is_refused_in_both_languages_and_the_printable_page_still_works()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Print:ChromiumPath"] = "/nonexistent/chromium" });
        using var commander = await hub.ClientForAsync("commander");
        using var arabicRequest = new HttpRequestMessage(HttpMethod.Get, "api/evaluation/report?format=pdf") { Headers = { { "Accept-Language", "ar" } } };
        using var arabic = await commander.SendAsync(arabicRequest);
        using var english = await commander.GetAsync(new Uri("api/evaluation/report?format=pdf", UriKind.Relative));
        using var page = await commander.GetAsync(new Uri("api/evaluation/report", UriKind.Relative));
        using var badFormat = await commander.GetAsync(new Uri("api/evaluation/report?format=docx", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(arabic.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(JsonDocument.Parse(await arabic.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), Does.Contain("Chromium").And.Contain("صفحة الطباعة"));
            Assert.That(english.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(JsonDocument.Parse(await english.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), Does.Contain("Open the printable page"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(badFormat.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    /// <summary>A Derna flood reported, NCEM acknowledging it: lines per agency, hazard and district to print.</summary>
    private static async Task<HttpClient> ReportedAsync(HubHost hub)
    {
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var incident = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetString();
        await ncem.WaitForAlertsAsync();
        await ncem.PostOkAsync($"api/incidents/{incident}/acknowledge", new { });
        return await hub.ClientForAsync("commander");
    }

    /// <summary>A report fetched in a language, which must answer 200: its bytes and media type.</summary>
    internal static async Task<(byte[] Body, string? Type)> GetAsync(HttpClient client, string path, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Accept-Language", language } } };
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Runs a program (pdftotext, pdftoppm) to its end, which must succeed: what it wrote.</summary>
    internal static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await errors);
        return await output;
    }
}
