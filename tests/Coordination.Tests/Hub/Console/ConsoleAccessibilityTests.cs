using System.Globalization;
using System.Text.RegularExpressions;
using Coordination.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Accessibility basics of each role's view and each administration screen: every control has a label, focus
/// follows the form, text on the severity colours and the administration marks is readable (WCAG AA contrast),
/// and axe-core finds no WCAG 2 A/AA violation, in Arabic and in English.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ConsoleAccessibilityTests : ConsoleFixture
{
    private static readonly string[] Severities = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"];

    private Guid _restricted;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        // One incident of each severity, one of them an exercise, so every badge is on the board.
        using var duty = await Hub.ClientForAsync("duty.operator");
        foreach (var severity in Severities)
        {
            await duty.PostOkAsync("api/incidents", new
            {
                hazard = "Flood",
                severity,
                title = $"سيول في درنة ({severity})",
                district = "derna",
                isExercise = severity == "Minor",
            });
        }

        // A restricted incident with one agency's clearance revoked, so the clearances screen and the details show both.
        var restricted = (await duty.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title = "تهديد لمنشأة نفطية", district = "wahat",
            classification = "Restricted", clearedAgencies = new[] { "ncem", "civil-defence" },
        })).GetProperty("incidentId").GetGuid();
        await duty.PostOkAsync($"api/incidents/{restricted}/clearance", new { revoke = new[] { "civil-defence" }, reason = "لم تعد معنية" });
        _restricted = restricted;

        using var ncem = await Hub.ClientForAsync("liaison.ncem");
        await ncem.WaitForAlertsAsync();

        // A disabled user, so the users list shows both states; and a second rules version, so the history has a change.
        using var admin = await Hub.ClientForAsync("admin");
        await admin.PostOkAsync("api/admin/users", new { userName = "liaison.retired", displayName = "ضابط سابق", role = "Liaison", agency = "ncem", password = "Retired-Password-2023" });
        await admin.PostOkAsync("api/admin/users/liaison.retired/disable", new { });
        var rules = (await admin.GetOkAsync("api/admin/routing-rules")).GetProperty("rules").EnumerateArray().Where(r => r.GetProperty("id").GetString() != "epidemic").ToArray();
        await admin.PutOkAsync("api/admin/routing-rules", new { rules, reason = "قاعدة الأوبئة تُراجع", expectedVersion = 1 });

        // A risk whose review date has passed, so the register shows its overdue marks whatever the day.
        await admin.PostOkAsync("api/register", new
        {
            code = "building-collapse-benghazi",
            hazard = "BuildingCollapse",
            theme = "Accident",
            titleAr = "انهيار مبانٍ قديمة في بنغازي",
            titleEn = "Collapse of old buildings in Benghazi",
            scenarioAr = "انهيار عمارات متضررة من الحرب في وسط بنغازي بعد أمطار غزيرة.",
            scenarioEn = "War-damaged blocks in central Benghazi collapse after heavy rain.",
            districts = new[] { "benghazi" },
            likelihood = 2,
            impacts = new { fatalities = 3, casualties = 3, displacement = 2, economic = 2, essentialServices = 1, socialPsychological = 2, environment = 1, security = 1 },
            confidence = "Low",
            leadAgency = "civil-defence",
            supportingAgencies = new[] { "ambulance" },
            nextReview = "2024-06-30",
        });
    }

    [TestCase("duty.operator", "ar")]
    [TestCase("liaison.ncem", "ar")]
    [TestCase("commander", "ar")]
    [TestCase("duty.operator", "en")]
    [TestCase("liaison.ncem", "en")]
    [TestCase("commander", "en")]
    public async Task Every_control_is_labelled_and_axe_finds_no_WCAG_A_or_AA_violation(string user, string language)
    {
        var page = await Browser.SignInAsync(user, language);
        await Expect(page.Locator(".badge").First).ToBeVisibleAsync();
        await AssertLabelledAndAxeCleanAsync(page, user);

        if (user == "duty.operator" && language == "ar")
        {
            // The check itself is live: an unlabelled control slipped into the page is reported.
            await page.EvaluateAsync("document.querySelector('#report-form').append(Object.assign(document.createElement('input'), { id: 'probe' }))");
            var probe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["label"] } });
            Assert.That(probe.Violations.SelectMany(v => v.Nodes).Select(n => n.Target?.ToString()), Has.Some.Contains("probe"));
        }

        await page.Context.CloseAsync();
    }

    [TestCase("ar")]
    [TestCase("en")]
    public async Task The_report_forms_clearance_and_a_restricted_incidents_details_are_labelled_and_axe_finds_no_WCAG_A_or_AA_violation(string language)
    {
        var page = await Browser.SignInAsync("duty.operator", language);
        await page.SelectOptionAsync("#f-classification", "Restricted");
        await Expect(page.Locator("#f-cleared")).ToBeVisibleAsync();
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#err-clearedAgencies")).Not.ToBeEmptyAsync();
        await AssertLabelledAndAxeCleanAsync(page, "report form, restricted, refused");

        await page.Locator($"#operator-board tr[data-incident='{_restricted}'] button").ClickAsync();
        await Expect(page.Locator("#clearance-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-alerts li.revoked")).ToHaveCountAsync(1);
        await page.ClickAsync("#dc-save");
        await Expect(page.Locator("#err-dc-agencies")).Not.ToBeEmptyAsync();
        await AssertLabelledAndAxeCleanAsync(page, "a restricted incident's details, clearance refused");
        await page.Context.CloseAsync();
    }

    [TestCase("ar")]
    [TestCase("en")]
    public async Task Every_administration_screen_is_labelled_and_axe_finds_no_WCAG_A_or_AA_violation(string language)
    {
        var page = await Browser.SignInAsync("admin", language);
        await Expect(page.Locator("#users-table tr[data-user='liaison.retired'] .tag")).ToBeVisibleAsync();
        await AssertLabelledAndAxeCleanAsync(page, "users");

        // The confirmation asked before disabling a user.
        await page.Locator("#users-table tr[data-user='liaison.ncem'] button.user-disable").ClickAsync();
        await Expect(page.Locator("#confirm-dialog")).ToBeVisibleAsync();
        await AssertLabelledAndAxeCleanAsync(page, "confirmation");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#confirm-dialog")).ToBeHiddenAsync();

        // A refused form, its messages beside the fields.
        await page.ClickAsync("#user-save");
        await Expect(page.Locator("#err-u-userName")).Not.ToBeEmptyAsync();
        await AssertLabelledAndAxeCleanAsync(page, "users, refused");

        await page.ClickAsync("#tab-agencies");
        await Expect(page.Locator("#agencies-table tr[data-agency='ncem']")).ToBeVisibleAsync();
        await AssertLabelledAndAxeCleanAsync(page, "agencies");

        // The rules with one rule open and a preview shown, so the editor's controls and the preview are checked too.
        await page.ClickAsync("#tab-rules");
        await page.Locator("#rules-list li.rule summary").First.ClickAsync();
        await Expect(page.Locator("#rules-list li.rule").First.Locator("input[name='id']")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#rp-hazard", "Flood");
        await page.SelectOptionAsync("#rp-severity", "Severe");
        await page.SelectOptionAsync("#rp-district", "derna");
        await Expect(page.Locator("#rules-preview")).ToHaveAttributeAsync("data-state", "ready");
        await AssertLabelledAndAxeCleanAsync(page, "routing rules");

        // The clearances, one incident's form open and refused without a reason.
        await page.ClickAsync("#tab-clearances");
        await page.Locator($"#clearances-table tr[data-incident='{_restricted}'] button.clearance-change").ClickAsync();
        await page.Locator("#ac-agencies input[value='ambulance']").CheckAsync();
        await page.ClickAsync("#ac-save");
        await Expect(page.Locator("#err-ac-reason")).Not.ToBeEmptyAsync();
        await AssertLabelledAndAxeCleanAsync(page, "clearances, refused");

        await page.ClickAsync("#tab-history");
        await Expect(page.Locator("#history-table tbody tr")).ToHaveCountAsync(2);
        await AssertLabelledAndAxeCleanAsync(page, "history");
        await page.Context.CloseAsync();
    }

    [TestCase("ar")]
    [TestCase("en")]
    public async Task The_risk_register_its_heat_map_a_risk_s_page_and_its_forms_are_labelled_and_axe_finds_no_WCAG_A_or_AA_violation(string language)
    {
        // NCEM's liaison: the register with its import, and the form for a risk NCEM leads.
        var page = await Browser.SignInAsync("liaison.ncem", language);
        await page.ClickAsync("#nav-register");
        await Expect(page.Locator("#register-table tr[data-risk='building-collapse-benghazi'] .overdue-mark")).ToBeVisibleAsync();

        // A cell chosen from the keyboard lists its risks beside the matrix.
        var cell = page.Locator("#heatmap button[data-likelihood='3'][data-impact='5']");
        await cell.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(cell).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(cell).ToBeFocusedAsync();
        await Expect(page.Locator("#heatmap-cell li[data-code='flood-derna-dams']")).ToBeVisibleAsync();
        await page.ClickAsync("#register-import summary");
        await AssertLabelledAndAxeCleanAsync(page, "register and heat map");

        // An import refused line by line.
        await page.SetInputFilesAsync("#register-import-file", new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = "code,likelihood\r\nx,9\r\n"u8.ToArray() });
        await page.ClickAsync("#register-import-send");
        await Expect(page.Locator("#register-import-result li").First).ToBeVisibleAsync();
        await AssertLabelledAndAxeCleanAsync(page, "register, import refused");

        await page.Locator("#heatmap-cell li[data-code='flood-derna-dams'] button").ClickAsync();
        await Expect(page.Locator("#risk-history tbody tr")).Not.ToHaveCountAsync(0);
        await AssertLabelledAndAxeCleanAsync(page, "a risk's page");

        await page.ClickAsync("#risk-edit");
        await page.SelectOptionAsync("#r-likelihood", "5");
        await page.ClickAsync("#risk-save");
        await Expect(page.Locator("#err-r-reason")).Not.ToBeEmptyAsync();
        await AssertLabelledAndAxeCleanAsync(page, "a risk's form, refused");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Text_on_every_risk_band_colour_and_on_the_register_s_marks_and_navigation_has_at_least_AA_contrast()
    {
        var page = await Browser.SignInAsync("liaison.ncem");
        await page.ClickAsync("#nav-register");
        await Expect(page.Locator("#heatmap button")).ToHaveCountAsync(25);
        await Expect(page.Locator("#heatmap .hm-overdue")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#nav-home-badge")).ToBeVisibleAsync();
        var colours = await page.EvaluateAsync<string[][]>("""
            (() => {
              // The colour a text is read on: its own background, or the first one behind it.
              const behind = (el) => {
                for (let e = el; e; e = e.parentElement) {
                  const c = getComputedStyle(e).backgroundColor;
                  if (c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
                }
                return 'rgb(255, 255, 255)';
              };
              return [...document.querySelectorAll('#heatmap .hm-count, #heatmap .hm-band, #heatmap .hm-overdue, #register-table .score, #register-table .overdue-mark, #register-sample, #nav button, #nav-home-badge')]
                .map(el => [el.className || el.id, getComputedStyle(el).color, behind(el), el.closest('td')?.className ?? ''])
            })()
            """);
        Assert.Multiple(() =>
        {
            Assert.That(colours.Select(c => c[3]).Where(c => c.Length > 0).SelectMany(c => c.Split(' ')),
                Is.SupersetOf(new[] { "band-low", "band-medium", "band-high", "band-veryHigh" }), "every band is on the heat map");
            Assert.That(colours.Select(c => c[0]), Is.SupersetOf(new[] { "hm-overdue", "overdue-mark", "warning", "nav-badge" }));
            foreach (var (name, text, background, cell) in colours.Select(c => (c[0], c[1], c[2], c[3])))
            {
                Assert.That(Contrast(Rgb(text), Rgb(background)), Is.GreaterThanOrEqualTo(4.5), $"{name} {cell}: {text} on {background}");
            }
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Focus_starts_on_the_administration_tabs_arrows_move_between_them_right_to_left_and_Tab_follows_the_user_form()
    {
        var page = await Browser.SignInAsync("admin");
        await Expect(page.Locator("#tab-users")).ToBeFocusedAsync();
        // Arabic reads right to left: the next tab is the one to the left.
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#tab-agencies")).ToBeFocusedAsync();
        await Expect(page.Locator("#admin-agencies")).ToBeVisibleAsync();
        await Expect(page.Locator("#admin-users")).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(page.Locator("#tab-history")).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Home");
        await Expect(page.Locator("#tab-users")).ToBeFocusedAsync();
        await Expect(page.Locator("#admin-users")).ToBeVisibleAsync();

        var order = new List<string> { "tab-users" };
        for (var i = 0; i < 20 && order[^1] != "user-new"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("document.activeElement.id"));
        }

        Assert.That(order, Is.EqualTo(new[] { "tab-users", "u-userName", "u-displayName", "u-role", "u-agency", "u-password", "user-save", "user-new" }));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Focus_moves_through_the_report_form_in_reading_order()
    {
        var page = await Browser.SignInAsync("duty.operator");
        await Expect(page.Locator("#f-hazard")).ToBeFocusedAsync();
        var order = new List<string> { "f-hazard" };
        for (var i = 0; i < 20 && order[^1] != "report-submit"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("document.activeElement.id"));
        }

        Assert.That(order, Is.EqualTo(new[]
        {
            "f-hazard", "f-severity", "f-urgency", "f-certainty", "f-district", "f-municipality",
            "f-latitude", "f-longitude", "f-title", "f-description", "f-exercise", "f-classification", "report-submit",
        }));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Text_on_every_severity_colour_and_on_the_exercise_mark_has_at_least_AA_contrast()
    {
        var page = await Browser.SignInAsync("commander");
        // One incident per severity, and the restricted one.
        await Expect(page.Locator("#commander-board .badge")).ToHaveCountAsync(Severities.Length + 1);
        await Expect(page.Locator("#commander-board .exercise-tag")).ToHaveCountAsync(1);
        var colours = await page.EvaluateAsync<string[][]>("""
            [...document.querySelectorAll('#commander-board .badge, #commander-board .exercise-tag')]
              .map(el => [el.className, getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
            """);
        Assert.Multiple(() =>
        {
            Assert.That(colours.Select(c => c[0]), Is.SupersetOf(Severities.Select(s => $"badge sev-{s}")));
            foreach (var (name, text, background) in colours.Select(c => (c[0], c[1], c[2])))
            {
                Assert.That(Contrast(Rgb(text), Rgb(background)), Is.GreaterThanOrEqualTo(4.5), $"{name}: {text} on {background}");
            }
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Text_on_the_administration_marks_has_at_least_AA_contrast()
    {
        var page = await Browser.SignInAsync("admin");
        await Expect(page.Locator("#users-table .tag.off")).ToHaveCountAsync(1);
        var colours = await page.EvaluateAsync<string[][]>("""
            [...document.querySelectorAll('#users-table .tag, #admin-tabs [role="tab"], #u-reenable')]
              .map(el => [el.className || el.id, getComputedStyle(el).color, getComputedStyle(el).backgroundColor])
            """);
        Assert.Multiple(() =>
        {
            Assert.That(colours.Select(c => c[0]), Is.SupersetOf(new[] { "tag on", "tag off", "warning" }));
            foreach (var (name, text, background) in colours.Select(c => (c[0], c[1], c[2])))
            {
                Assert.That(Contrast(Rgb(text), Rgb(background)), Is.GreaterThanOrEqualTo(4.5), $"{name}: {text} on {background}");
            }
        });
        await page.Context.CloseAsync();
    }

    /// <summary>Every visible control has a label, and axe-core finds no WCAG 2 A/AA violation on the page as it is now.</summary>
    internal static async Task AssertLabelledAndAxeCleanAsync(IPage page, string where)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('input, select, textarea')]
              .filter(el => el.type !== 'hidden' && el.getClientRects().length > 0)
              .filter(el => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
              .map(el => el.id || el.name || el.outerHTML)
            """);
        Assert.That(unlabelled, Is.Empty, $"controls without a label ({where})");

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToArray();
        Assert.That(violations, Is.Empty, where);
    }

    /// <summary>WCAG 2 contrast ratio of two sRGB colours.</summary>
    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        static double Luminance((double R, double G, double B) c)
        {
            static double Channel(double v) => (v /= 255) <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            return (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));
        }

        var (l1, l2) = (Luminance(a), Luminance(b));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static (double R, double G, double B) Rgb(string css)
    {
        var match = RgbPattern().Match(css);
        Assert.That(match.Success, Is.True, $"not an rgb() colour: {css}");
        return (Parse(match.Groups[1].Value), Parse(match.Groups[2].Value), Parse(match.Groups[3].Value));

        static double Parse(string v) => double.Parse(v, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)")]
    private static partial Regex RgbPattern();
}
