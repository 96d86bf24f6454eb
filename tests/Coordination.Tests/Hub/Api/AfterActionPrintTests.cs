using System.Net;
using System.Text.Json;
using Coordination.Hub.Features.Exercises;
using Coordination.Tests.Hub.Console;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static Coordination.Tests.Hub.Api.EvaluationPrintTests;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// An exercise's after-action report as paper: the printable page in each language under the EXERCISE mark with its
/// charts, the PDF whose Arabic pdftotext reads back whole and in reading order, and the evaluation report's refusals
/// (no Chromium, a format it does not print).
/// </summary>
[TestFixture]
public sealed class AfterActionPrintTests
{
    // Words without lam-alef, which pdftotext gives back as its two letters in visual order.
    private const string Gap = "تأخر تأكيد فريق درنة عن موعده";
    private const string Action = "تدريب غرفة عمليات الإسعاف على التأكيد";

    [Test]
    public async Task The_printable_page_and_its_PDF_carry_the_report_in_Arabic_right_to_left_in_reading_order_and_in_English()
    {
        // The exercise's clock stands at T+0, its first inject fired: its results are what the report shows now.
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Exercises:ScanInterval"] = "00:00:01" },
            new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var commander = await hub.ClientForAsync("commander");
        var exercise = await ExerciseWithAGapAsync(hub, commander);

        var (arabic, type) = await GetAsync(commander, $"api/exercises/{exercise}/after-action/report", "ar");
        var (english, _) = await GetAsync(commander, $"api/exercises/{exercise}/after-action/report?format=html", "en");
        var page = System.Text.Encoding.UTF8.GetString(arabic);
        var englishPage = System.Text.Encoding.UTF8.GetString(english);
        Assert.Multiple(() =>
        {
            Assert.That(type, Is.EqualTo("text/html"));
            Assert.That(page, Does.Contain("<html lang=\"ar\" dir=\"rtl\">").And.Contain("تقرير ما بعد التمرين").And.Contain("EXERCISE / تمرين").And.Contain(Gap)
                .And.Contain("جهاز الإسعاف والطوارئ · سجّلها commander"), "the gap, about the ambulance service by its name");
            Assert.That(page, Does.Contain("<svg class=\"timeline\"").And.Contain("<svg class=\"stacked\"").And.Contain("<svg class=\"columns\""), "the timeline, the per-agency bars and the acknowledgement times");
            Assert.That(page, Does.Contain("href=\"/css/print.css\"").And.Not.Contain("<script"));
            Assert.That(page, Does.Contain("خطة التحسين").And.Contain(Action).And.Contain("مفتوح"), "the improvement plan's item raised from the exercise, open");
            Assert.That(englishPage, Does.Contain("<html lang=\"en\" dir=\"ltr\">").And.Contain("After-action report").And.Contain("Expected actions").And.Contain("The ambulance service was slow"));
        });

        var (pdf, pdfType) = await GetAsync(commander, $"api/exercises/{exercise}/after-action/report?format=pdf", "ar");
        Assert.That(pdfType, Is.EqualTo("application/pdf"));
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "after-action.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var text = await RunAsync("pdftotext", "-enc", "UTF-8", file, "-");
        var title = text.IndexOf("تقرير ما بعد التمرين", StringComparison.Ordinal);
        var expected = text.IndexOf("المتوقعة", StringComparison.Ordinal);
        var gaps = text.IndexOf("الثغرات", StringComparison.Ordinal);
        var finding = text.IndexOf(Gap, StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(title, Is.GreaterThanOrEqualTo(0), text);
            Assert.That(expected, Is.GreaterThan(title), text);
            Assert.That(gaps, Is.GreaterThan(expected), text);
            Assert.That(finding, Is.GreaterThan(gaps), "the gap's own words, whole and in order, under its heading");
            Assert.That(text, Does.Contain("جهاز الدفاع المدني"), "an agency's result, its name in order");
            Assert.That(text, Does.Not.Contain("ريرقت"), "not mirrored");
        });
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
        await RunAsync("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(ConsoleBrowser.ScreenshotFolder, "after-action-report-ar"));
    }

    [Test]
    public async Task Without_Chromium_the_PDF_is_refused_a_bad_format_is_refused_and_the_printable_page_still_works()
    {
        await using var hub = await HubHost.StartFreshAsync(new Dictionary<string, string?> { ["Coordination:Print:ChromiumPath"] = "/nonexistent/chromium" },
            new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var commander = await hub.ClientForAsync("commander");
        var exercise = (await commander.PostOkAsync("api/exercises", new { scenario = "medicane-derna", speed = 60 })).GetProperty("exerciseId").GetGuid();
        using var arabicRequest = new HttpRequestMessage(HttpMethod.Get, $"api/exercises/{exercise}/after-action/report?format=pdf") { Headers = { { "Accept-Language", "ar" } } };
        using var arabic = await commander.SendAsync(arabicRequest);
        using var badFormat = await commander.GetAsync(new Uri($"api/exercises/{exercise}/after-action/report?format=docx", UriKind.Relative));
        using var page = await commander.GetAsync(new Uri($"api/exercises/{exercise}/after-action/report", UriKind.Relative));
        using var unknown = await commander.GetAsync(new Uri($"api/exercises/{Guid.NewGuid()}/after-action/report", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(arabic.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(JsonDocument.Parse(await arabic.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), Does.Contain("Chromium").And.Contain("صفحة الطباعة"));
            Assert.That(badFormat.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(JsonDocument.Parse(await badFormat.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain("format"));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private static async Task<Guid> ExerciseWithAGapAsync(HubHost hub, HttpClient commander)
    {
        var exercise = (await commander.PostOkAsync("api/exercises", new { scenario = "medicane-derna", speed = 60 })).GetProperty("exerciseId").GetGuid();
        await hub.Services.GetServices<IHostedService>().OfType<ExerciseRunner>().Single().RunAsync(default);
        await commander.PostOkAsync($"api/exercises/{exercise}/findings", new { kind = "Gap", textAr = Gap, textEn = "The ambulance service was slow to acknowledge", agency = "ambulance" });
        await commander.PostOkAsync("api/improvements", new
        {
            actionAr = Action,
            actionEn = "Drill the ambulance operations room on acknowledging",
            ownerAgency = "ambulance",
            dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30),
            source = "Exercise",
            sourceId = exercise,
        });
        return exercise;
    }
}
