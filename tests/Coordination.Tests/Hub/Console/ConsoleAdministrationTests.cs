using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The administrator's screens in a real browser, on a hub of their own (the rules they change would change who
/// other fixtures' reports alert): users registered, refused beside the field, signed in and disabled; routing
/// rules edited with a preview, saved with a reason, seen in the history; bad rules named beside the rule; a change
/// made meanwhile by someone else offered for reload.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ConsoleAdministrationTests : ConsoleFixture
{
    [Test]
    public async Task An_administrator_registers_a_liaison_in_Arabic_who_can_sign_in_then_disables_them_and_the_list_shows_it()
    {
        var admin = await Browser.SignInAsync("admin");
        await Expect(admin.Locator("#tab-users")).ToBeFocusedAsync();
        await Expect(admin.Locator("#users-table tr[data-user='duty.operator']")).ToBeVisibleAsync();
        var userName = $"liaison.rc{Guid.NewGuid():N}"[..20];
        const string password = "Derna-Sept-2023-RC";

        await admin.FillAsync("#u-userName", userName);
        await admin.FillAsync("#u-displayName", "ضابط اتصال الهلال الأحمر");
        await admin.SelectOptionAsync("#u-role", "Liaison");
        await admin.SelectOptionAsync("#u-agency", "red-crescent");
        await admin.FillAsync("#u-password", "قصيرة");
        await admin.PressAsync("#u-password", "Enter");
        await Expect(admin.Locator("#err-u-password")).ToHaveTextAsync("كلمة المرور 12 حرفاً على الأقل.");
        await Expect(admin.Locator("#u-password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.Locator("#u-password")).ToBeFocusedAsync();
        await Expect(admin.Locator($"#users-table tr[data-user='{userName}']")).ToHaveCountAsync(0);

        await admin.FillAsync("#u-password", password);
        await admin.ClickAsync("#user-save");
        await Expect(admin.Locator("#user-result")).ToContainTextAsync($"حُفظ المستخدم {userName}");
        await Expect(admin.Locator("#err-u-password")).ToBeEmptyAsync();
        var row = admin.Locator($"#users-table tr[data-user='{userName}']");
        await Expect(row).ToContainTextAsync("ضابط اتصال الهلال الأحمر");
        await Expect(row).ToContainTextAsync("الهلال الأحمر الليبي");
        await Expect(row.Locator(".tag")).ToHaveTextAsync("فعّال");
        await ConsoleBrowser.ScreenshotAsync(admin, "admin-users-ar");

        // The new liaison signs in at another desk: their agency's inbox, live.
        var liaison = await Browser.SignInAsync(userName, "ar", password: password);
        await Expect(liaison.Locator("#view-liaison")).ToBeVisibleAsync();
        await Expect(liaison.Locator("#who")).ToContainTextAsync("ضابط اتصال الهلال الأحمر");
        await liaison.Context.CloseAsync();

        // Unlocking their failed sign-ins says so.
        await row.Locator("button.user-unlock").ClickAsync();
        await Expect(admin.Locator("#users-status")).ToContainTextAsync($"رُفع قفل الدخول عن {userName}");

        // Disabling asks first: Escape keeps the user as they are, and focus goes back to the button.
        var dialog = admin.Locator("#confirm-dialog");
        await row.Locator("button.user-disable").ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(userName);
        await Expect(dialog.Locator("button[value='cancel']")).ToBeFocusedAsync();
        await admin.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row.Locator("button.user-disable")).ToBeFocusedAsync();
        await Expect(row.Locator(".tag")).ToHaveTextAsync("فعّال");

        await row.Locator("button.user-disable").ClickAsync();
        await dialog.Locator("button[value='confirm']").ClickAsync();
        await Expect(admin.Locator("#users-status")).ToContainTextAsync($"عُطّل المستخدم {userName}");
        await Expect(row).ToHaveClassAsync(new Regex(@"\bdisabled\b"));
        await Expect(row.Locator(".tag")).ToHaveTextAsync("معطّل");
        await Expect(row.Locator("button.user-disable")).ToHaveCountAsync(0);
        using var signIn = await Hub.Http.PostAsJsonAsync("api/auth/token", new { userName, password });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a disabled user cannot sign in");

        // Changing a disabled user would enable them again: the form says so before anything is saved.
        await row.Locator("button.user-edit").ClickAsync();
        await Expect(admin.Locator("#u-reenable")).ToBeVisibleAsync();
        await Expect(admin.Locator("#u-userName")).ToHaveValueAsync(userName);
        await Expect(admin.Locator("#u-displayName")).ToBeFocusedAsync();
        await admin.Context.CloseAsync();
    }

    [Test]
    public async Task On_the_embedded_bus_the_agency_systems_card_says_it_needs_RabbitMQ_and_lists_nothing()
    {
        using var api = await Hub.ClientForAsync("admin");
        var bus = await api.GetOkAsync("api/admin/agency-bus");
        Assert.Multiple(() =>
        {
            Assert.That(bus.GetProperty("enabled").GetBoolean(), Is.False);
            Assert.That(bus.GetProperty("agencies").GetArrayLength(), Is.Zero);
        });

        var admin = await Browser.SignInAsync("admin");
        await admin.ClickAsync("#tab-agencies");
        await Expect(admin.Locator("#agency-bus")).ToHaveAttributeAsync("data-enabled", "false");
        await Expect(admin.Locator("#agency-bus h2")).ToHaveTextAsync("أنظمة الجهات على الناقل");
        await Expect(admin.Locator("#agency-bus-off")).ToContainTextAsync("هذه الميزة تحتاج RabbitMQ");
        await Expect(admin.Locator("#agency-bus-table")).ToBeHiddenAsync();
        await Expect(admin.Locator("#agency-bus button:visible")).ToHaveCountAsync(0);
        await admin.ClickAsync("#lang-toggle");
        await Expect(admin.Locator("#agency-bus-off")).ToContainTextAsync("This feature needs RabbitMQ");
        await admin.Context.CloseAsync();
    }

    [Test]
    public async Task An_administrator_registers_an_agency_in_English_and_the_other_screens_can_name_it_at_once()
    {
        var admin = await Browser.SignInAsync("admin", "en");
        await admin.ClickAsync("#tab-agencies");
        var code = $"municipality-s{Guid.NewGuid():N}"[..22];
        await admin.FillAsync("#a-code", code);
        await admin.FillAsync("#a-nameAr", "بلدية سرت");
        await admin.FillAsync("#a-nameEn", "Sirte Municipality");
        await admin.ClickAsync("#agency-save");
        await Expect(admin.Locator("#err-a-kind")).Not.ToBeEmptyAsync();
        await Expect(admin.Locator("#a-kind")).ToBeFocusedAsync();

        await admin.SelectOptionAsync("#a-kind", "Municipality");
        await admin.ClickAsync("#agency-save");
        await Expect(admin.Locator("#agency-result")).ToContainTextAsync($"Agency {code} saved.");
        await Expect(admin.Locator($"#agencies-table tr[data-agency='{code}']")).ToContainTextAsync("Sirte Municipality");
        await Expect(admin.Locator($"#clearance-agencies li[data-agency='{code}']")).ToContainTextAsync("Sirte Municipality");
        await Expect(admin.Locator($"#u-agency option[value='{code}']")).ToHaveCountAsync(1);
        await admin.ClickAsync("#tab-rules");
        await Expect(admin.Locator($"#rules-list li.rule").First.Locator($"input[name='agencies'][value='{code}']")).ToHaveCountAsync(1);
        await admin.Context.CloseAsync();
    }

    [Test]
    public async Task An_administrator_adds_a_routing_rule_sees_the_preview_change_saves_it_with_a_reason_and_the_history_shows_it()
    {
        using var http = await Hub.ClientForAsync("admin");
        var before = (await http.GetOkAsync("api/admin/routing-rules")).GetProperty("version").GetInt32();
        var page = await Browser.SignInAsync("admin", "en");
        await page.ClickAsync("#tab-rules");
        await Expect(page.Locator("#rules-version")).ToContainTextAsync($"Version {before} in force");

        // A minor sandstorm in Sabha matches no rule: the fallback agency.
        await page.SelectOptionAsync("#rp-hazard", "Sandstorm");
        await page.SelectOptionAsync("#rp-severity", "Minor");
        await page.SelectOptionAsync("#rp-district", "sabha");
        var preview = page.Locator("#rules-preview");
        await Expect(preview).ToContainTextAsync("No rule matches it");
        await Expect(preview.Locator("li[data-agency]")).ToHaveCountAsync(1);
        await Expect(preview.Locator("li[data-agency='ncem']")).ToHaveAttributeAsync("data-rule", "fallback");

        await page.ClickAsync("#rules-add");
        var rule = page.Locator("#rules-list li.rule").Last;
        await Expect(rule.Locator("input[name='id']")).ToBeFocusedAsync();
        var id = $"sandstorm-south-{Guid.NewGuid():N}"[..24];
        await page.Keyboard.TypeAsync(id);
        await rule.Locator("input[name='description']").FillAsync("Sandstorms in the south reach civil defence, however light.");
        await rule.Locator("input[name='hazards'][value='Sandstorm']").CheckAsync();
        await rule.Locator("input[name='districts'][value='sabha']").CheckAsync();
        await rule.Locator("input[name='agencies'][value='civil-defence']").CheckAsync();
        await Expect(page.Locator("#rules-unsaved")).ToBeVisibleAsync();
        await Expect(rule.Locator("summary")).ToHaveTextAsync(new Regex(
            $@"^\d+\. {id}\s*Sandstorms in the south reach civil defence, however light\.\s*Sandstorm · Minor or higher · Sabha · alerts: Civil Defence$"));

        // The preview follows the edit, beside the rules in force.
        var civilDefence = preview.Locator("li[data-agency='civil-defence']");
        await Expect(civilDefence).ToHaveAttributeAsync("data-rule", id);
        await Expect(civilDefence).ToHaveClassAsync(new Regex(@"\bnew\b"));
        await Expect(preview).ToContainTextAsync("This incident will alert:");
        await Expect(preview.Locator(".dropped")).ToContainTextAsync("No longer alerted: National Center for Emergency");
        Assert.That(await InForceForMinorSandstormInSabhaAsync(http), Is.EqualTo(new[] { "ncem" }), "nothing is in force before it is saved");

        // Without a reason the hub refuses, beside the reason, and nothing changes.
        await page.ClickAsync("#rules-save");
        await Expect(page.Locator("#err-rules-reason")).ToContainTextAsync("Reason is required");
        await Expect(page.Locator("#rules-reason")).ToBeFocusedAsync();

        var reason = $"Sabha asked for civil defence on every sandstorm ({id})";
        await page.FillAsync("#rules-reason", reason);
        await page.ClickAsync("#rules-save");
        await Expect(page.Locator("#rules-save-result")).ToHaveTextAsync($"Rules saved: version {before + 1} is in force now.");
        await Expect(page.Locator("#rules-unsaved")).ToBeHiddenAsync();
        await Expect(page.Locator("#rules-version")).ToContainTextAsync($"Version {before + 1} in force, set by admin");
        await Expect(page.Locator($"#rules-list li.rule[data-rule-id='{id}']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#err-rules-reason")).ToBeEmptyAsync();
        Assert.That(await InForceForMinorSandstormInSabhaAsync(http), Is.EqualTo(new[] { "civil-defence" }), "the saved rule routes at once");
        // Saved, the preview compares with nothing any more: no agency is new, none is dropped.
        await Expect(preview).ToHaveTextAsync(new Regex($@"^This incident will alert:\s*Civil Defence · {id}$"));
        await ConsoleBrowser.ScreenshotAsync(page, "admin-rules-en");

        // Export downloads the rules as a rules file.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#rules-export"));
        using (var file = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            Assert.That(download.SuggestedFilename, Is.EqualTo($"routing-rules-v{before + 1}.json"));
            Assert.That(file.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Does.Contain(id));
        }

        // The history: the new version first, with who, why and the rule it added.
        await page.ClickAsync("#tab-history");
        var newest = page.Locator("#history-table tbody tr").First;
        await Expect(newest).ToHaveAttributeAsync("data-version", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(newest).ToContainTextAsync(reason);
        await Expect(newest).ToContainTextAsync("admin");
        await Expect(newest.Locator("li[data-change='added']")).ToHaveTextAsync($"Added: {id}");
        await Expect(newest.Locator("li[data-change='removed']")).ToHaveCountAsync(0);
        await ConsoleBrowser.ScreenshotAsync(page, "admin-history-en");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task A_rule_with_a_district_the_hub_does_not_know_shows_the_hub_s_message_beside_it_and_a_change_made_meanwhile_is_offered_for_reload()
    {
        using var http = await Hub.ClientForAsync("admin");
        var inForce = await http.GetOkAsync("api/admin/routing-rules");
        var before = inForce.GetProperty("version").GetInt32();
        var rules = inForce.GetProperty("rules").EnumerateArray().Select(r => JsonNode.Parse(r.GetRawText())!).ToList();
        rules.Insert(1, JsonNode.Parse("""{"id":"coastal-flood","description":"سيول على الساحل","hazards":["Flood"],"minimumSeverity":"Moderate","districts":["atlantis"],"agencies":["coast-guard"]}""")!);

        var page = await Browser.SignInAsync("admin");
        await page.ClickAsync("#tab-rules");
        await page.SetInputFilesAsync("#rules-import", new FilePayload
        {
            Name = "rules-from-ncem.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(new JsonObject { ["rules"] = new JsonArray([.. rules.Select(r => r.DeepClone())]) }.ToJsonString()),
        });
        await Expect(page.Locator("#rules-status")).ToContainTextAsync("rules-from-ncem.json");
        var rule = page.Locator("#rules-list li.rule").Nth(1);
        await Expect(rule).ToHaveAttributeAsync("data-rule-id", "coastal-flood");
        await rule.Locator("summary").ClickAsync();
        await Expect(rule.Locator("input[name='districts'][value='atlantis']")).ToBeCheckedAsync();

        await page.FillAsync("#rules-reason", "قواعد من المركز الوطني");
        await page.ClickAsync("#rules-save");
        var districts = rule.Locator("fieldset[id$='-districts']");
        await Expect(districts.Locator(".field-error")).ToHaveTextAsync("'atlantis' ليست من شعبيات ليبيا.");
        await Expect(districts).ToHaveClassAsync(new Regex(@"\binvalid\b"));
        await Expect(rule).ToHaveClassAsync(new Regex(@"\binvalid\b"));
        await Expect(page.Locator("#rules-list li.rule.invalid")).ToHaveCountAsync(1);
        await Expect(districts.Locator("input").First).ToBeFocusedAsync();
        await Expect(page.Locator("#rules-save-result")).ToHaveTextAsync("راجع الحقول المعلّمة.");
        Assert.That((await http.GetOkAsync("api/admin/routing-rules")).GetProperty("version").GetInt32(), Is.EqualTo(before), "nothing was saved");

        // Someone else saves a version meanwhile; this editor's next save is refused and offers to reload.
        await http.PutOkAsync("api/admin/routing-rules", new { rules = inForce.GetProperty("rules"), reason = "تغيير من مكتب آخر", expectedVersion = before });
        await districts.Locator("input[value='atlantis']").UncheckAsync();
        await districts.Locator("input[value='derna']").CheckAsync();
        await page.ClickAsync("#rules-save");
        await Expect(page.Locator("#rules-conflict")).ToBeVisibleAsync();
        await Expect(page.Locator("#rules-conflict-reload")).ToBeFocusedAsync();
        await Expect(page.Locator("#rules-list li.rule.invalid")).ToHaveCountAsync(0);
        await page.ClickAsync("#rules-conflict-reload");
        await Expect(page.Locator("#rules-conflict")).ToBeHiddenAsync();
        await Expect(page.Locator("#rules-version")).ToContainTextAsync($"الإصدار {before + 1} ساري المفعول");
        await Expect(page.Locator("#rules-list li.rule[data-rule-id='coastal-flood']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#rules-unsaved")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Who a minor sandstorm in Sabha alerts by the rules in force, asked of the hub directly.</summary>
    private static async Task<string[]> InForceForMinorSandstormInSabhaAsync(HttpClient admin)
    {
        var preview = await admin.PostOkAsync("api/routing/preview", new { hazard = "Sandstorm", severity = "Minor", district = "sabha" });
        return [.. preview.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString()!)];
    }
}
