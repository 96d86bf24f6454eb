using System.Text.Json;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The console in a real browser: the duty office reports a flood in Derna, the NCEM liaison sees the
/// alert arrive without reloading and acknowledges it, and the commander's shared timeline shows the
/// report, the alert and the acknowledgement in order; in Arabic and in English.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleFlowTests : ConsoleFixture
{
    [TestCase("ar", "rtl", "درنة", "بلاغ جديد", "أكّدت الاستلام")]
    [TestCase("en", "ltr", "Derna", "New incident", "acknowledged")]
    public async Task A_report_reaches_the_liaison_live_and_the_commander_sees_report_alert_and_acknowledgement_in_order(
        string language, string direction, string district, string reportedWords, string acknowledgedWords)
    {
        var operatorPage = await Browser.SignInAsync("duty.operator", language);
        var liaisonPage = await Browser.SignInAsync("liaison.ncem", language);
        var commanderPage = await Browser.SignInAsync("commander", language);
        foreach (var page in new[] { operatorPage, liaisonPage, commanderPage })
        {
            Assert.That(await page.GetAttributeAsync("html", "dir"), Is.EqualTo(direction));
            Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo(language));
        }

        var title = language == "ar" ? $"فيضان في درنة {Guid.NewGuid():N}"[..24] : $"Flood in Derna {Guid.NewGuid():N}"[..24];
        await FillReportAsync(operatorPage, title, district);
        // Sent from the keyboard: Enter in the title field.
        await operatorPage.PressAsync("#f-title", "Enter");
        await Expect(operatorPage.Locator("#report-result")).ToContainTextAsync("INC-");

        // The liaison's inbox shows it without a reload, as a fresh alert with its deadline counting down.
        var alert = liaisonPage.Locator("#inbox li.alert", new() { HasText = title });
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert.Locator(".deadline")).Not.ToBeEmptyAsync();
        var firstCountdown = await alert.Locator(".deadline").TextContentAsync();
        await Expect(alert.Locator(".deadline")).Not.ToHaveTextAsync(firstCountdown!, new() { Timeout = 5_000 });
        await Expect(liaisonPage.Locator("#notice")).ToContainTextAsync(title);
        await ConsoleBrowser.ScreenshotAsync(liaisonPage, $"liaison-{language}");
        await alert.Locator("button.ack").ClickAsync();
        await Expect(alert).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\backed\b"));

        // The incident's own timeline, opened from the inbox, shows the acknowledgement; an update is posted from there.
        await alert.Locator("button.open-detail").ClickAsync();
        await Expect(liaisonPage.Locator("#detail-timeline li")).Not.ToHaveCountAsync(0);
        await Expect(liaisonPage.Locator("#detail-timeline")).ToContainTextAsync(acknowledgedWords);
        var update = language == "ar" ? "فرق الإنقاذ في الطريق إلى وادي درنة" : "Rescue teams on their way to Wadi Derna";
        await liaisonPage.FillAsync("#update-text", update);
        await liaisonPage.ClickAsync("#update-form button[type=submit]");
        await Expect(liaisonPage.Locator("#detail-timeline")).ToContainTextAsync(update);
        await ConsoleBrowser.ScreenshotAsync(liaisonPage, $"incident-{language}");

        var incidentId = await IncidentIdAsync(title);
        var timeline = commanderPage.Locator($"#shared-timeline li[data-incident='{incidentId}']");
        await Expect(timeline.And(commanderPage.Locator("[data-type='AlertAcknowledged']"))).ToHaveCountAsync(1);
        var rows = JsonDocument.Parse(await timeline.EvaluateAllAsync<string>(
            "items => JSON.stringify(items.map(li => ({ position: Number(li.dataset.position), type: li.dataset.type, text: li.textContent })))"))
            .RootElement.EnumerateArray().ToArray();
        var ordered = rows.OrderBy(r => r.GetProperty("position").GetInt64()).Select(r => r.GetProperty("type").GetString()).ToArray();
        await Expect(commanderPage.Locator($"#shared-timeline li[data-incident='{incidentId}'][data-type='IncidentUpdated']")).ToContainTextAsync(update);
        Assert.Multiple(() =>
        {
            Assert.That(ordered.First(), Is.EqualTo("IncidentReported"), "the report comes first");
            Assert.That(Array.IndexOf(ordered, "AgencyAlerted"), Is.LessThan(Array.IndexOf(ordered, "AlertAcknowledged")), "the alert before its acknowledgement");
            Assert.That(ordered.Count(t => t == "IncidentReported"), Is.EqualTo(1), "each entry shown once");
            Assert.That(ordered.Count(t => t == "AlertAcknowledged"), Is.EqualTo(1), "each entry shown once");
            Assert.That(rows.Single(r => r.GetProperty("type").GetString() == "IncidentReported").GetProperty("text").GetString(), Does.Contain(reportedWords).And.Contain(title));
            Assert.That(rows.Single(r => r.GetProperty("type").GetString() == "AlertAcknowledged").GetProperty("text").GetString(), Does.Contain(acknowledgedWords));
        });

        // The commander's board and map place it; the response figures count NCEM's acknowledgement.
        await Expect(commanderPage.Locator($"#commander-board tr[data-incident='{incidentId}']")).ToBeVisibleAsync();
        await Expect(commanderPage.Locator($"#commander-map circle[data-incident='{incidentId}']")).ToHaveCountAsync(1);
        await Expect(commanderPage.Locator("#figures tr[data-agency='ncem'] td").Nth(1)).Not.ToHaveTextAsync("0");

        await ConsoleBrowser.ScreenshotAsync(operatorPage, $"operator-{language}");
        await ConsoleBrowser.ScreenshotAsync(commanderPage, $"commander-{language}");
        await Task.WhenAll(operatorPage.Context.CloseAsync(), liaisonPage.Context.CloseAsync(), commanderPage.Context.CloseAsync());
    }

    [Test]
    public async Task A_refused_sign_in_shows_the_hub_s_words_and_the_next_one_goes_live_over_a_WebSocket_the_policy_allows()
    {
        var page = await Browser.OpenAsync("en");
        var sockets = new List<string>();
        var refused = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await page.FillAsync("#signin-user", "liaison.ambulance");
        await page.FillAsync("#signin-password", "not-the-password");
        await page.PressAsync("#signin-password", "Enter");
        await Expect(page.Locator("#signin-error")).ToContainTextAsync("The user name or password is wrong");
        var said = await page.TextContentAsync("#signin-error");

        await page.FillAsync("#signin-password", HubHost.Password);
        await page.PressAsync("#signin-password", "Enter");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        Assert.Multiple(() =>
        {
            Assert.That(said, Does.Not.Contain("locked"));
            Assert.That(sockets, Has.Some.Contains("/hubs/coordination"), "the live feed runs over a WebSocket, not a fallback");
            Assert.That(refused, Is.Empty, "nothing was blocked by the Content-Security-Policy");
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task The_language_choice_is_remembered_and_relabels_the_open_view()
    {
        var page = await Browser.SignInAsync("commander", "en");
        await Expect(page.Locator("#timeline-heading")).ToHaveTextAsync("Shared timeline");
        await page.ReloadAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        Assert.That(await page.GetAttributeAsync("html", "dir"), Is.EqualTo("ltr"));
        await Expect(page.Locator("#timeline-heading")).ToHaveTextAsync("Shared timeline");
        await page.ClickAsync("#lang-toggle");
        await Expect(page.Locator("#timeline-heading")).ToHaveTextAsync("السجل الزمني المشترك");
        await Expect(page.Locator("#connection-text")).ToHaveTextAsync("متصل مباشرة");
        Assert.That(await page.GetAttributeAsync("html", "dir"), Is.EqualTo("rtl"));
        await page.Context.CloseAsync();
    }

    [TestCase("ar", "العنوان مطلوب.", "الشعبية مطلوبة.")]
    [TestCase("en", "Title is required.", "District is required.")]
    public async Task Validation_errors_from_the_server_appear_beside_their_fields_in_the_chosen_language_and_nothing_is_stored(
        string language, string titleError, string districtError)
    {
        var before = await IncidentCountAsync();
        var page = await Browser.SignInAsync("duty.operator", language);
        await page.SelectOptionAsync("#f-hazard", "Flood");
        await page.SelectOptionAsync("#f-severity", "Severe");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#err-title")).ToHaveTextAsync(titleError);
        await Expect(page.Locator("#err-district")).ToHaveTextAsync(districtError);
        await Expect(page.Locator("#f-title")).ToHaveAttributeAsync("aria-invalid", "true");
        // Focus goes to the first field to fix.
        Assert.That(await page.EvaluateAsync<string>("document.activeElement.id"), Is.EqualTo("f-district"));

        await page.FillAsync("#f-district", language == "ar" ? "أطلانتس" : "Atlantis");
        await page.FillAsync("#f-title", "x");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#err-district")).ToContainTextAsync(language == "ar" ? "ليست من شعبيات ليبيا" : "is not one of Libya's districts");
        await Expect(page.Locator("#err-title")).ToBeEmptyAsync();
        Assert.That(await IncidentCountAsync(), Is.EqualTo(before));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Hostile_text_in_a_report_is_shown_as_text_and_never_runs()
    {
        var page = await Browser.SignInAsync("commander");
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        using var operatorHttp = await Hub.ClientForAsync("duty.operator");
        var title = $"<img src=x onerror=alert(1)> {Guid.NewGuid():N}"[..40];
        await operatorHttp.PostOkAsync("api/incidents", ApiCalls.DernaFlood(title));
        var item = page.Locator("#shared-timeline li[data-type='IncidentReported']", new() { HasText = title });
        await Expect(item).ToBeVisibleAsync();
        await item.Locator("button").ClickAsync();
        await Expect(page.Locator("#detail-description")).ToContainTextAsync("<script>alert(1)</script>");
        Assert.Multiple(async () =>
        {
            Assert.That(await page.Locator("#main img").CountAsync(), Is.Zero, "markup in a title must not become an element");
            Assert.That(await page.Locator("#main script").CountAsync(), Is.Zero);
            Assert.That(dialogs, Is.Zero);
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_click_on_the_map_sets_the_report_s_point_and_the_hub_stores_it()
    {
        var page = await Browser.SignInAsync("duty.operator", "en");
        var derna = await page.Locator("#report-map [data-district='derna'] circle").BoundingBoxAsync();
        await page.Mouse.ClickAsync(derna!.X + (derna.Width / 2), derna.Y + (derna.Height / 2));
        await Expect(page.Locator("#report-map .map-pin")).ToHaveCountAsync(1);
        var latitude = double.Parse(await page.InputValueAsync("#f-latitude"), System.Globalization.CultureInfo.InvariantCulture);
        var longitude = double.Parse(await page.InputValueAsync("#f-longitude"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(latitude, Is.EqualTo(32.76).Within(0.1), "Derna's latitude");
            Assert.That(longitude, Is.EqualTo(22.64).Within(0.1), "Derna's longitude");
        });

        var title = $"Point on the map {Guid.NewGuid():N}"[..26];
        await page.FillAsync("#f-title", title);
        await page.SelectOptionAsync("#f-hazard", "BuildingCollapse");
        await page.SelectOptionAsync("#f-severity", "Severe");
        await page.FillAsync("#f-district", "Derna");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#report-result")).ToContainTextAsync("INC-");
        using var http = await Hub.ClientForAsync("commander");
        var stored = (await http.GetOkAsync("api/incidents")).EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);
        Assert.That(stored.GetProperty("latitude").GetDouble(), Is.EqualTo(latitude).Within(0.0001));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task The_console_s_idempotency_keys_are_version_7_ids_of_this_moment()
    {
        var page = await Browser.SignInAsync("duty.operator", "en");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = (await page.EvaluateAsync<string[]>("import('/js/api.js').then(m => [m.newId(), m.newId(), m.newId()])")).Select(Guid.Parse).ToArray();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Multiple(() =>
        {
            Assert.That(ids.Select(i => i.Version), Is.All.EqualTo(7));
            Assert.That(ids.Select(i => i.Variant), Is.All.EqualTo(0x8).Or.EqualTo(0x9).Or.EqualTo(0xA).Or.EqualTo(0xB));
            Assert.That(ids.Select(i => Convert.ToInt64(i.ToString("N")[..12], 16)), Is.All.InRange(before - 1_000, after + 1_000), "the first 48 bits are the time in ms");
            Assert.That(ids.Distinct().Count(), Is.EqualTo(3));
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task The_commander_s_board_filters_by_district_and_severity()
    {
        using var duty = await Hub.ClientForAsync("duty.operator");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await duty.PostOkAsync("api/incidents", new { hazard = "Sandstorm", severity = "Moderate", title = $"عاصفة رملية في سبها {tag}", district = "sabha" });
        await duty.PostOkAsync("api/incidents", new { hazard = "ArmedClash", severity = "Severe", title = $"اشتباك في طرابلس {tag}", district = "tripoli" });
        var page = await Browser.SignInAsync("commander");
        var rows = page.Locator("#commander-board tbody tr", new() { HasText = tag });
        await Expect(rows).ToHaveCountAsync(2);

        await page.SelectOptionAsync("#commander-filter-district", "sabha");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("سبها");
        await page.SelectOptionAsync("#commander-filter-district", "");
        await page.SelectOptionAsync("#commander-filter-severity", "Severe");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("طرابلس");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task The_report_form_shows_the_agencies_a_Derna_flood_will_alert_before_sending_and_the_fallback_when_no_rule_matches()
    {
        var before = await IncidentCountAsync();
        using var http = await Hub.ClientForAsync("duty.operator");
        var agencies = (await http.GetOkAsync("api/reference/agencies")).EnumerateArray()
            .ToDictionary(a => a.GetProperty("code").GetString()!, a => (Ar: a.GetProperty("nameAr").GetString()!, En: a.GetProperty("nameEn").GetString()!));
        var page = await Browser.SignInAsync("duty.operator");
        var preview = page.Locator("#report-preview");
        await Expect(preview).ToHaveAttributeAsync("data-state", "incomplete");
        await Expect(preview).ToContainTextAsync("اختر نوع الخطر ودرجة الخطورة والشعبية");

        await page.SelectOptionAsync("#f-hazard", "Flood");
        await page.SelectOptionAsync("#f-severity", "Extreme");
        await page.FillAsync("#f-district", "درنة");
        await Expect(preview).ToHaveAttributeAsync("data-state", "ready");
        await Expect(preview).ToContainTextAsync("هذا البلاغ سينبّه:");
        var alerted = preview.Locator("li[data-agency]");
        await Expect(alerted).ToHaveCountAsync(6);
        Assert.That(await alerted.EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.agency)"),
            Is.EquivalentTo(new[] { "ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna" }));
        await Expect(preview.Locator("li[data-agency='municipality-derna']")).ToHaveTextAsync(agencies["municipality-derna"].Ar);
        await ConsoleBrowser.ScreenshotAsync(page, "operator-preview-ar");

        // In English the same agencies are named in English.
        await page.ClickAsync("#lang-toggle");
        await Expect(preview).ToContainTextAsync("This incident will alert:");
        await Expect(preview.Locator("li[data-agency='municipality-derna']")).ToHaveTextAsync(agencies["municipality-derna"].En);

        // A minor sandstorm in Sabha matches no rule: the fallback agency, NCEM, is named instead.
        await page.SelectOptionAsync("#f-hazard", "Sandstorm");
        await page.SelectOptionAsync("#f-severity", "Minor");
        await page.FillAsync("#f-district", "Sabha");
        await Expect(preview).ToContainTextAsync("No rule matches it, so the fallback agency is alerted:");
        await Expect(alerted).ToHaveCountAsync(1);
        await Expect(preview.Locator("li[data-agency='ncem']")).ToHaveTextAsync(agencies["ncem"].En);
        Assert.That(await IncidentCountAsync(), Is.EqualTo(before), "a preview stores nothing");
        await page.Context.CloseAsync();
    }

    internal static async Task FillReportAsync(IPage page, string title, string district)
    {
        await page.FocusAsync("#f-hazard");
        await page.SelectOptionAsync("#f-hazard", "Flood");
        await page.SelectOptionAsync("#f-severity", "Extreme");
        await page.SelectOptionAsync("#f-urgency", "Immediate");
        await page.SelectOptionAsync("#f-certainty", "Observed");
        await page.FillAsync("#f-district", district);
        await page.FillAsync("#f-municipality", district);
        await page.FillAsync("#f-title", title);
        await page.FillAsync("#f-description", "مياه السيول تجرف أحياء وسط المدينة بعد انهيار السدين.");
    }

    private async Task<string> IncidentIdAsync(string title)
    {
        using var http = await Hub.ClientForAsync("commander");
        var incidents = await http.GetOkAsync("api/incidents");
        return incidents.EnumerateArray().Single(i => i.GetProperty("title").GetString() == title).GetProperty("incidentId").GetString()!;
    }

    private async Task<int> IncidentCountAsync()
    {
        using var http = await Hub.ClientForAsync("commander");
        return (await http.GetOkAsync("api/incidents?limit=1000")).GetArrayLength();
    }
}
