using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The national risk register in a real browser, on a hub of its own (these tests change the sample register): a
/// liaison finds the Derna dams risk in its heat map cell and reads its history while their alerts go on arriving; the
/// lead agency's liaison changes its likelihood, refused without a reason beside the reason field, and sees the new
/// version; another agency's liaison is offered no edit; an administrator's CSV import names the bad line and field,
/// then counts what it entered, changed and left.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ConsoleRegisterTests : ConsoleFixture
{
    private const string DernaDams = "flood-derna-dams";

    // First: the other tests move the Derna dams risk or add risks to its cell.
    [Test]
    [Order(1)]
    public async Task A_liaison_finds_the_Derna_dams_risk_in_its_heat_map_cell_in_Arabic_and_reads_its_history_while_their_alerts_keep_arriving()
    {
        var page = await Browser.SignInAsync("liaison.red-crescent");
        await Expect(page.Locator("#nav-home")).ToHaveAttributeAsync("aria-current", "page");
        var badge = page.Locator("#nav-home-badge");
        var openBefore = await OpenAlertsAsync(page);

        await page.ClickAsync("#nav-register");
        await Expect(page.Locator("#view-register")).ToBeVisibleAsync();
        await Expect(page.Locator("#view-liaison")).ToBeHiddenAsync();
        await Expect(page.Locator("#nav-register")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("#register-sample")).ToBeVisibleAsync();

        // Likelihood 3, overall impact 5: the Derna dams are in that cell, which names its band in words.
        var cell = page.Locator("#heatmap button[data-likelihood='3'][data-impact='5']");
        await Expect(cell).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(cell).ToContainTextAsync("مرتفع");
        Assert.That(int.Parse((await cell.GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));
        // Arabic reads right to left: impact 1 is at the right of the row, impact 5 at its left; likelihood 5 is the top row.
        var impact1 = await page.Locator("#heatmap button[data-likelihood='3'][data-impact='1']").BoundingBoxAsync();
        var impact5 = await cell.BoundingBoxAsync();
        var likelihood5 = await page.Locator("#heatmap button[data-likelihood='5'][data-impact='5']").BoundingBoxAsync();
        Assert.Multiple(() =>
        {
            Assert.That(impact1!.X, Is.GreaterThan(impact5!.X), "impact columns run right to left in Arabic");
            Assert.That(likelihood5!.Y, Is.LessThan(impact5.Y), "likelihood 5 is the top row");
        });

        await cell.ClickAsync();
        await Expect(cell).ToHaveAttributeAsync("aria-expanded", "true");
        var listed = page.Locator($"#heatmap-cell li[data-code='{DernaDams}']");
        await Expect(listed).ToContainTextAsync("انهيار سدَّي وادي درنة");
        await Expect(page.Locator("#heatmap-cell h3")).ToContainTextAsync("الاحتمال 3 × الأثر 5 (مرتفع)");
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#heatmap").Locator("xpath=ancestor::section[1]"), "register-heatmap-ar");
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#register-table").Locator("xpath=ancestor::section[1]"), "register-table-ar");

        // A flood reported in Derna alerts the Red Crescent while its liaison reads the register: the alert arrives
        // behind it, the way back counts it and flashes, the banner names it, and the register stays in front.
        var title = $"فيضان في درنة {Guid.NewGuid():N}"[..24];
        using (var duty = await Hub.ClientForAsync("duty.operator"))
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title));
        }

        await Expect(badge).ToHaveTextAsync($"{openBefore + 1} بانتظار التأكيد");
        await Expect(page.Locator("#nav-home")).ToHaveClassAsync(new Regex(@"\bfresh\b"));
        await Expect(page.Locator("#notice")).ToContainTextAsync(title);
        await Expect(page.Locator("#inbox li.alert", new() { HasText = title })).ToHaveCountAsync(1);
        await Expect(page.Locator("#view-register")).ToBeVisibleAsync();
        await Expect(cell).ToHaveAttributeAsync("aria-expanded", "true");

        // The risk's page: its fields in Arabic, the impacts named in both languages, its history; no edit for a
        // liaison of an agency that does not lead it.
        await listed.Locator("button").ClickAsync();
        await Expect(page.Locator("#register-risk")).ToBeVisibleAsync();
        await Expect(page.Locator("#risk-title")).ToBeFocusedAsync();
        await Expect(page.Locator("#risk-title")).ToContainTextAsync("انهيار سدَّي وادي درنة");
        await Expect(page.Locator("#risk-body")).ToContainTextAsync("المركز الوطني");
        await Expect(page.Locator("#risk-body")).ToContainTextAsync("درنة");
        var fatalities = page.Locator("#risk-body tr[data-dimension='fatalities']");
        await Expect(fatalities).ToContainTextAsync("الوفيات");
        await Expect(fatalities).ToContainTextAsync("Fatalities");
        await Expect(fatalities).ToContainTextAsync("5 — كارثي");
        var first = page.Locator("#risk-history tbody tr[data-version='1']");
        await Expect(first).ToContainTextAsync("seed");
        await Expect(first).ToContainTextAsync("أول إدخال");
        await Expect(page.Locator("#risk-edit")).ToBeHiddenAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "register-risk-ar");

        // Back to the register, focus on the risk it was opened from; then back to the inbox, where the alert is.
        await page.ClickAsync("#risk-back");
        await Expect(listed.Locator("button")).ToBeFocusedAsync();
        await page.ClickAsync("#nav-home");
        await Expect(page.Locator("#view-liaison")).ToBeVisibleAsync();
        await Expect(page.Locator("#view-register")).ToBeHiddenAsync();
        await Expect(page.Locator("#inbox li.alert", new() { HasText = title })).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-home")).Not.ToHaveClassAsync(new Regex(@"\bfresh\b"));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Civil_Defence_s_liaison_records_a_review_of_the_overdue_coastal_flood_risk_refused_first_without_a_date_and_its_overdue_mark_goes()
    {
        const string Coastal = "flood-coastal-belt";
        var page = await Browser.SignInAsync("liaison.civil-defence");
        await page.ClickAsync("#nav-register");
        var row = page.Locator($"#register-table tr[data-risk='{Coastal}']");
        await Expect(row.Locator(".overdue-mark")).ToBeVisibleAsync();
        await row.Locator("button[data-open-risk]").ClickAsync();
        // Overdue and led by the liaison's agency: the review form is offered open.
        await Expect(page.Locator("#risk-review")).ToHaveAttributeAsync("open", "");
        var version = int.Parse((await page.Locator("#risk-history tbody tr").First.GetAttributeAsync("data-version"))!, CultureInfo.InvariantCulture);

        await page.ClickAsync("#review-save");
        await Expect(page.Locator("#err-review-next")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#review-next")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#risk-history tbody tr").First).ToHaveAttributeAsync("data-version", version.ToString(CultureInfo.InvariantCulture));

        var next = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("#review-next", next);
        await page.FillAsync("#review-note", "رُوجعت خرائط الغمر مع البلديات الساحلية");
        await page.ClickAsync("#review-save");
        await Expect(page.Locator("#risk-status")).ToHaveTextAsync($"سُجّلت مراجعة الخطر {Coastal}: الإصدار {version + 1}.");
        await Expect(page.Locator("#risk-history tbody tr").First).ToHaveAttributeAsync("data-version", (version + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#risk-body time").Last).ToHaveAttributeAsync("datetime", next);
        await Expect(page.Locator("#risk-body .overdue-mark")).ToHaveCountAsync(0);

        // Another agency's liaison is offered no review of it.
        var other = await Browser.SignInAsync("liaison.ncem");
        await other.ClickAsync("#nav-register");
        await other.Locator($"#register-table tr[data-risk='{Coastal}'] button[data-open-risk]").ClickAsync();
        await Expect(other.Locator("#risk-title")).ToContainTextAsync(Coastal);
        await Expect(other.Locator("#risk-review")).ToBeHiddenAsync();
        await other.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task The_NCEM_liaison_raises_the_Derna_dams_likelihood_and_is_asked_for_a_reason_beside_it_then_sees_the_new_version_and_Civil_Defence_is_offered_no_edit()
    {
        var page = await Browser.SignInAsync("liaison.ncem");
        await page.ClickAsync("#nav-register");
        var row = page.Locator($"#register-table tr[data-risk='{DernaDams}']");
        await Expect(row).ToContainTextAsync("انهيار سدَّي وادي درنة");
        await row.Locator("button[data-open-risk]").ClickAsync();
        await Expect(page.Locator("#risk-edit")).ToBeVisibleAsync();
        var version = await page.Locator("#risk-history tbody tr").First.GetAttributeAsync("data-version");

        await page.ClickAsync("#risk-edit");
        await Expect(page.Locator("#register-edit")).ToBeVisibleAsync();
        await Expect(page.Locator("#risk-form-heading")).ToContainTextAsync(DernaDams);
        await Expect(page.Locator("#r-likelihood")).ToHaveValueAsync("3");
        await Expect(page.Locator("#r-titleAr")).ToHaveValueAsync("انهيار سدَّي وادي درنة");
        await page.SelectOptionAsync("#r-likelihood", "4");
        await page.ClickAsync("#risk-save");
        await Expect(page.Locator("#err-r-reason")).ToHaveTextAsync("السبب مطلوب عند تغيير أي درجة: اذكر لماذا.");
        await Expect(page.Locator("#r-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#r-reason")).ToBeFocusedAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "register-edit-ar");

        var reason = $"أمطار غزيرة متوقعة على الجبل الأخضر ({Guid.NewGuid():N})"[..48];
        await page.FillAsync("#r-reason", reason);
        await page.ClickAsync("#risk-save");
        var next = int.Parse(version!, CultureInfo.InvariantCulture) + 1;
        await Expect(page.Locator("#register-risk")).ToBeVisibleAsync();
        await Expect(page.Locator("#risk-status")).ToHaveTextAsync($"حُفظ الخطر {DernaDams}: الإصدار {next}.");
        var newest = page.Locator("#risk-history tbody tr").First;
        await Expect(newest).ToHaveAttributeAsync("data-version", next.ToString(CultureInfo.InvariantCulture));
        await Expect(newest).ToContainTextAsync(reason);
        await Expect(newest).ToContainTextAsync("liaison.ncem");
        await Expect(newest.Locator("li[data-field='likelihood']")).ToHaveTextAsync("الاحتمال");
        await Expect(page.Locator("#risk-body")).ToContainTextAsync("مرجح (5–25٪)");

        // Back in the register, the risk has moved to likelihood 4.
        await page.ClickAsync("#risk-back");
        await Expect(page.Locator($"#register-table tr[data-risk='{DernaDams}'] td.number").First).ToHaveTextAsync("4");
        await page.ClickAsync("#heatmap button[data-likelihood='4'][data-impact='5']");
        await Expect(page.Locator($"#heatmap-cell li[data-code='{DernaDams}']")).ToBeVisibleAsync();

        // Someone else changes it meanwhile: this form's save is refused and offers to reload.
        await page.Locator($"#heatmap-cell li[data-code='{DernaDams}'] button").ClickAsync();
        await page.ClickAsync("#risk-edit");
        await page.FillAsync("#r-controlsEn", "Early warning; evacuation of the low-lying quarters; sirens tested monthly.");
        using (var admin = await Hub.ClientForAsync("admin"))
        {
            var current = (await admin.GetOkAsync("api/register")).GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("risk").GetProperty("code").GetString() == DernaDams);
            var riskId = current.GetProperty("risk").GetProperty("riskId").GetString();
            var changed = System.Text.Json.Nodes.JsonNode.Parse(current.GetProperty("risk").GetRawText())!.AsObject();
            foreach (var readOnly in new[] { "riskId", "isSample" })
            {
                changed.Remove(readOnly);
            }

            changed["impacts"]!.AsObject().Remove("dimensions");
            changed["impacts"]!.AsObject().Remove("overall");
            changed["nextReview"] = "2027-01-31";
            await admin.PutOkAsync($"api/register/{riskId}", new { risk = changed, expectedVersion = next });
        }

        await page.ClickAsync("#risk-save");
        await Expect(page.Locator("#risk-conflict")).ToBeVisibleAsync();
        await Expect(page.Locator("#risk-conflict-reload")).ToBeFocusedAsync();
        await page.ClickAsync("#risk-conflict-reload");
        await Expect(page.Locator("#risk-form-heading")).ToContainTextAsync($"الإصدار {next + 1}");
        await Expect(page.Locator("#r-nextReview")).ToHaveValueAsync("2027-01-31");
        await page.Context.CloseAsync();

        // Civil Defence supports this risk but does not lead it: its liaison reads it and is offered no edit.
        var civilDefence = await Browser.SignInAsync("liaison.civil-defence");
        await civilDefence.ClickAsync("#nav-register");
        await civilDefence.Locator($"#register-table tr[data-risk='{DernaDams}'] button[data-open-risk]").ClickAsync();
        await Expect(civilDefence.Locator("#risk-title")).ToContainTextAsync("انهيار سدَّي وادي درنة");
        await Expect(civilDefence.Locator("#risk-history tbody tr").First).ToHaveAttributeAsync("data-version", (next + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(civilDefence.Locator("#risk-edit")).ToBeHiddenAsync();
        await civilDefence.Context.CloseAsync();
    }

    [Test]
    public async Task An_administrator_imports_a_CSV_whose_bad_lines_are_named_by_line_and_field_then_a_good_one_and_sees_what_it_entered_changed_and_left()
    {
        using var http = await Hub.ClientForAsync("admin");
        var exported = await (await http.GetAsync(new Uri("api/register/export?format=csv", UriKind.Relative))).Content.ReadAsStringAsync();
        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var drought = lines.Single(l => l.StartsWith("drought-national,", StringComparison.Ordinal));
        var heatwave = lines.Single(l => l.StartsWith("heatwave-national,", StringComparison.Ordinal));
        var before = (await http.GetOkAsync("api/register")).GetProperty("risks").GetArrayLength();
        // Its review date has passed: it is marked overdue wherever it is shown.
        const string water = "water-cut-tripoli,WaterFailure,Societal,انقطاع المياه عن طرابلس,Water cut to Tripoli,"
            + "توقف ضخ النهر الصناعي العظيم إلى طرابلس لأسبوعين في الصيف.,The Great Man-Made River stops pumping to Tripoli for two weeks in summer.,"
            + "tripoli;jafara,{0},1,2,2,3,5,4,2,3,Medium,ncem,electricity;civil-defence,,,,2026-01-31,";

        var page = await Browser.SignInAsync("admin", "en");
        await page.ClickAsync("#nav-register");
        await Expect(page.Locator("#register-table tbody tr")).ToHaveCountAsync(before);
        await page.ClickAsync("#register-import summary");
        await page.SetInputFilesAsync("#register-import-file", Csv("risks-from-ncem.csv", header, string.Format(CultureInfo.InvariantCulture, water, 7),
            drought.Replace(",Natural,", ",Weather,", StringComparison.Ordinal)));
        await page.ClickAsync("#register-import-send");
        var result = page.Locator("#register-import-result");
        await Expect(result).ToContainTextAsync("Nothing was imported from risks-from-ncem.csv");
        await Expect(result.Locator("li[data-line='2'][data-field='likelihood']")).ToHaveTextAsync("Line 2, field likelihood: Likelihood must be 1 to 5.");
        await Expect(result.Locator("li[data-line='3'][data-field='theme']")).ToContainTextAsync("'Weather' cannot be read here");
        Assert.That((await http.GetOkAsync("api/register")).GetProperty("risks").GetArrayLength(), Is.EqualTo(before), "nothing was written");

        // The same file corrected: one risk entered, one changed (its controls), one as it stood.
        await page.SetInputFilesAsync("#register-import-file", Csv("risks-from-ncem.csv", header, string.Format(CultureInfo.InvariantCulture, water, 3),
            ReplaceControls(drought, "Water rationing plans for the coastal cities."), heatwave));
        await page.FillAsync("#register-import-reason", "Review by the NCEM planning unit");
        await page.ClickAsync("#register-import-send");
        await Expect(result).ToHaveTextAsync("risks-from-ncem.csv imported: 1 entered, 1 changed, 1 unchanged.");
        var entered = page.Locator("#register-table tr[data-risk='water-cut-tripoli']");
        await Expect(entered).ToContainTextAsync("Water cut to Tripoli");
        await Expect(entered.Locator(".overdue-mark")).ToHaveTextAsync("⚠ Review overdue");
        await Expect(entered.Locator(".score")).ToHaveTextAsync("15 — High");
        await Expect(page.Locator("#register-table tbody tr")).ToHaveCountAsync(before + 1);
        await ConsoleBrowser.ScreenshotAsync(page, "register-en");

        // Export downloads the register as CSV, the import's format.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#register-export-csv"));
        Assert.That(download.SuggestedFilename, Does.Match(@"^risk-register-\d{4}-\d{2}-\d{2}\.csv$"));
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(file, Does.StartWith(header).And.Contain("water-cut-tripoli,"));

        await page.ClickAsync("#register-import summary");
        var cell = page.Locator("#heatmap button[data-likelihood='3'][data-impact='5']");
        await Expect(cell).ToContainTextAsync("Review overdue:");
        await cell.ClickAsync();
        await Expect(page.Locator("#heatmap-cell li[data-code='water-cut-tripoli'] .overdue-mark")).ToHaveTextAsync("⚠ Review overdue");
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#heatmap").Locator("xpath=ancestor::section[1]"), "register-heatmap-en");
        await ConsoleBrowser.ScreenshotAsync(page.Locator("#register-table").Locator("xpath=ancestor::section[1]"), "register-table-en");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task The_as_of_date_shows_the_register_as_it_stood_then_and_the_filters_narrow_heat_map_and_table_alike()
    {
        var page = await Browser.SignInAsync("commander", "en");
        await page.ClickAsync("#nav-register");
        await Expect(page.Locator("#register-asof")).ToHaveTextAsync("The register as it stands now.");
        // The table is drawn when the register's answer arrives, which may be after the caption: wait for its rows.
        await Expect(page.Locator("#register-table tbody tr").Nth(13)).ToBeVisibleAsync();
        var all = await page.Locator("#register-table tbody tr").CountAsync();
        Assert.That(all, Is.GreaterThanOrEqualTo(14));

        // In the hub's order, highest score first; a heading sorts by its column, again the other way.
        await Expect(page.Locator("#register-table th[data-column='score']")).ToHaveAttributeAsync("aria-sort", "descending");
        await page.ClickAsync("#register-table th[data-column='code'] button");
        await Expect(page.Locator("#register-table th[data-column='code']")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(page.Locator("#register-table th[data-column='score']")).Not.ToHaveAttributeAsync("aria-sort", new Regex("."));
        await Expect(page.Locator("#register-table th[data-column='code'] button")).ToBeFocusedAsync();
        var codes = await page.Locator("#register-table tbody th").AllTextContentsAsync();
        Assert.That(codes, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#register-table th[data-column='code']")).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.That(await page.Locator("#register-table tbody th").AllTextContentsAsync(), Is.Ordered.Descending.Using((IComparer<string>)StringComparer.Ordinal));

        await page.SelectOptionAsync("#rf-theme", "Malicious");
        await Expect(page.Locator("#register-table tbody tr")).Not.ToHaveCountAsync(all);
        var malicious = await page.Locator("#register-table tbody tr").CountAsync();
        var mapped = await page.EvaluateAsync<int>("[...document.querySelectorAll('#heatmap button')].reduce((n, b) => n + Number(b.dataset.count), 0)");
        Assert.That(mapped, Is.EqualTo(malicious), "the heat map places the same risks the table lists");
        await Expect(page.Locator("#register-table tbody tr[data-risk='armed-clash-tripoli']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#rf-theme", "");

        // The day before the hub first started, the register was empty.
        await page.FillAsync("#rf-asof", "2000-01-01");
        await Expect(page.Locator("#register-asof")).ToContainTextAsync("The register as it stood at the end of");
        await Expect(page.Locator("#register-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#heatmap button[data-count='0']")).ToHaveCountAsync(25);
        await page.ClickAsync("#rf-asof-clear");
        await Expect(page.Locator("#register-table tbody tr")).ToHaveCountAsync(all);

        // The commander's timeline goes on behind the register: a report made meanwhile is counted on the way back.
        using (var duty = await Hub.ClientForAsync("duty.operator"))
        {
            await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood($"Flood in Derna {Guid.NewGuid():N}"[..24]));
        }

        await Expect(page.Locator("#nav-home-badge")).ToHaveTextAsync(new Regex(@"^\d+ new$"));
        await page.ClickAsync("#nav-home");
        await Expect(page.Locator("#shared-timeline li[data-type='IncidentReported']")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#nav-home-badge")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Test]
    public void Every_word_of_the_console_has_an_Arabic_and_an_English_text()
    {
        var source = File.ReadAllText(Path.Combine(ConsoleBrowser.ScreenshotFolder, "..", "..", "Hub", "wwwroot", "js", "i18n.js"));
        var arabic = source[source.IndexOf("  ar: {", StringComparison.Ordinal)..source.IndexOf("  en: {", StringComparison.Ordinal)];
        var english = source[source.IndexOf("  en: {", StringComparison.Ordinal)..source.IndexOf("\n};", StringComparison.Ordinal)];
        var (ar, en) = (Keys(arabic), Keys(english));
        Assert.Multiple(() =>
        {
            Assert.That(ar, Has.Count.GreaterThan(300).And.Contains("register.heading").And.Contains("heatmap.heading"));
            Assert.That(ar.Except(en), Is.Empty, "keys only in Arabic");
            Assert.That(en.Except(ar), Is.Empty, "keys only in English");
        });

        static HashSet<string> Keys(string part) => [.. KeyPattern().Matches(part).Select(m => m.Groups[1].Value)];
    }

    /// <summary>How many alerts the liaison's way back says await acknowledgement (none when it says nothing).</summary>
    private static async Task<int> OpenAlertsAsync(IPage page)
    {
        var text = await page.Locator("#nav-home-badge").TextContentAsync();
        return string.IsNullOrWhiteSpace(text) ? 0 : int.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static FilePayload Csv(string name, params string[] lines) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"),
    };

    /// <summary>The row with its English controls (the 22nd column) replaced; the sample's are plain text without quotes.</summary>
    private static string ReplaceControls(string row, string controls)
    {
        var fields = row.Split(',');
        Assert.That(fields, Has.Length.EqualTo(25), $"a row with no quoted comma: {row}");
        fields[21] = controls;
        return string.Join(',', fields);
    }

    [GeneratedRegex(@"^    '([^']+)':", RegexOptions.Multiline)]
    private static partial Regex KeyPattern();
}
