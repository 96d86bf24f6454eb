using System.Text.Json;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Clearances of restricted incidents in a real browser: the duty office reports a restricted incident with the
/// agencies it clears (refused beside the boxes when none is ticked), changes the clearance from the incident's
/// details; an administrator lists restricted incidents without their text and changes a clearance with a reason
/// (refused beside the reason without one); the agencies' liaisons are alerted or lose the incident accordingly.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleClearanceTests : ConsoleFixture
{
    [Test]
    public async Task The_duty_office_reports_a_restricted_incident_clearing_agencies_and_changes_its_clearance_from_the_details()
    {
        var page = await Browser.SignInAsync("duty.operator");
        using var commander = await Hub.ClientForAsync("commander");
        var title = $"تهديد لمنشأة نفطية {Guid.NewGuid():N}"[..28];
        await Expect(page.Locator("#f-cleared-box")).ToBeHiddenAsync();
        await page.SelectOptionAsync("#f-hazard", "SecurityIncident");
        await page.SelectOptionAsync("#f-severity", "Severe");
        await page.FillAsync("#f-district", "الواحات");
        await page.FillAsync("#f-title", title);
        await page.SelectOptionAsync("#f-classification", "Restricted");
        await Expect(page.Locator("#f-cleared-box")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-cleared legend")).ToHaveTextAsync("الجهات المصرَّح لها (وحدها تُنبَّه وترى البلاغ)");

        // None ticked: the hub's words beside the boxes, focus on the first of them, nothing logged.
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#err-clearedAgencies")).ToHaveTextAsync("البلاغ المقيد يحتاج جهة مخوّلة واحدة على الأقل.");
        await Expect(page.Locator("#f-cleared input").First).ToBeFocusedAsync();
        Assert.That(await RestrictedTitledAsync(commander, title), Is.Null);

        // The duty office sees every incident already and has no liaison to acknowledge: it is not offered (the hub refuses it).
        await Expect(page.Locator("#f-cleared input[value='moi-duty']")).ToHaveCountAsync(0);
        await page.Locator("#f-cleared input[value='ncem']").CheckAsync();
        await page.Locator("#f-cleared input[value='ambulance']").CheckAsync();
        // The preview names exactly the agencies ticked.
        await Expect(page.Locator("#report-preview li[data-agency]")).ToHaveCountAsync(2);
        await Expect(page.Locator("#report-preview li[data-agency='ambulance']")).ToBeVisibleAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "operator-restricted-ar");
        await page.ClickAsync("#report-submit");
        await Expect(page.Locator("#report-result")).ToContainTextAsync("INC-");
        await Expect(page.Locator("#f-cleared-box")).ToBeHiddenAsync();
        var incident = await RestrictedTitledAsync(commander, title);
        Assert.That(incident, Is.Not.Null, "the report was logged as restricted");
        Assert.That(incident!.Value.GetProperty("clearedAgencies").EnumerateArray().Select(a => a.GetString()), Is.EquivalentTo(new[] { "ncem", "ambulance" }));
        var id = incident.Value.GetProperty("incidentId").GetString();

        // From the incident's details: the cleared agencies, and the change of them.
        await page.Locator($"#operator-board tr[data-incident='{id}'] button").ClickAsync();
        await Expect(page.Locator("#detail-clearance")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-cleared li")).ToHaveCountAsync(2);
        await page.Locator("#dc-agencies input[value='ambulance']").UncheckAsync();
        await page.Locator("#dc-agencies input[value='red-crescent']").CheckAsync();
        await page.ClickAsync("#dc-save");
        await Expect(page.Locator("#err-dc-reason")).ToHaveTextAsync("السبب مطلوب: اذكر سبب تغيير الجهات المخوّلة.");
        await Expect(page.Locator("#dc-reason")).ToBeFocusedAsync();
        await page.FillAsync("#dc-reason", "الإيواء للهلال الأحمر بدل الإسعاف");
        await page.ClickAsync("#dc-save");
        await Expect(page.Locator("#dc-result")).ToContainTextAsync("حُفظ التصريح");
        await Expect(page.Locator("#detail-cleared li[data-agency='red-crescent']")).ToBeVisibleAsync();
        await Expect(page.Locator("#detail-cleared li[data-agency='ambulance']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#detail-alerts li[data-agency='ambulance']")).ToContainTextAsync("سُحب التصريح");
        await Expect(page.Locator("#detail-timeline")).ToContainTextAsync("الإيواء للهلال الأحمر بدل الإسعاف");

        using var ambulance = await Hub.ClientForAsync("liaison.ambulance");
        using var redCrescent = await Hub.ClientForAsync("liaison.red-crescent");
        Assert.Multiple(async () =>
        {
            Assert.That((await ambulance.GetAsync(new Uri($"api/incidents/{id}", UriKind.Relative))).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
            Assert.That((await redCrescent.GetOkAsync("api/alerts")).EnumerateArray().Select(a => a.GetProperty("incidentId").GetString()), Does.Contain(id));
        });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task An_administrator_lists_restricted_incidents_without_their_text_and_changes_a_clearance_with_a_reason()
    {
        using var duty = await Hub.ClientForAsync("duty.operator");
        var title = $"سري للغاية {Guid.NewGuid():N}"[..20];
        var reported = await duty.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title, description = "تفاصيل لا يراها المسؤول", district = "wahat",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        });
        var reference = reported.GetProperty("reference").GetString()!;
        var id = reported.GetProperty("incidentId").GetString();
        var liaisonPage = await Browser.SignInAsync("liaison.coast-guard", "en");
        await Expect(liaisonPage.Locator("#view-liaison")).ToBeVisibleAsync();

        var page = await Browser.SignInAsync("admin", "en");
        await page.ClickAsync("#tab-clearances");
        var row = page.Locator($"#clearances-table tr[data-reference='{reference}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Al Wahat");
        await Expect(row.Locator("li[data-agency='ncem']")).ToBeVisibleAsync();
        await Expect(page.Locator("#admin-clearances")).Not.ToContainTextAsync(title);
        await Expect(page.Locator("#main")).Not.ToContainTextAsync("تفاصيل لا يراها المسؤول");

        await row.Locator("button.clearance-change").ClickAsync();
        await Expect(page.Locator("#clearance-edit-heading")).ToHaveTextAsync($"Change the clearance of {reference}");
        await Expect(page.Locator("#ac-agencies input").First).ToBeFocusedAsync();
        // Revoking the only agency is refused beside the boxes, in English.
        await page.Locator("#ac-agencies input[value='ncem']").UncheckAsync();
        await page.FillAsync("#ac-reason", "test");
        await page.ClickAsync("#ac-save");
        await Expect(page.Locator("#err-ac-agencies")).ToHaveTextAsync("At least one agency must stay cleared for a restricted incident.");

        await page.Locator("#ac-agencies input[value='ncem']").CheckAsync();
        await page.Locator("#ac-agencies input[value='coast-guard']").CheckAsync();
        await page.FillAsync("#ac-reason", "");
        await page.ClickAsync("#ac-save");
        await Expect(page.Locator("#err-ac-reason")).ToHaveTextAsync("Reason is required: say why the clearance changes.");
        await page.FillAsync("#ac-reason", "A boat seen off Ras Lanuf");
        await page.ClickAsync("#ac-save");
        await Expect(page.Locator("#ac-result")).ToContainTextAsync($"Clearance of {reference} saved");
        await Expect(row.Locator("li[data-agency='coast-guard']")).ToHaveTextAsync("Coast Guard");
        await ConsoleBrowser.ScreenshotAsync(page, "admin-clearances-en");

        // The coast guard's liaison is alerted live, as for a report.
        await Expect(liaisonPage.Locator($"#inbox li.alert", new() { HasText = title })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
        await liaisonPage.Context.CloseAsync();
    }

    /// <summary>The restricted incident with this title on the commander's board, if any.</summary>
    private static async Task<JsonElement?> RestrictedTitledAsync(HttpClient commander, string title) =>
        (await commander.GetOkAsync("api/incidents?limit=1000")).EnumerateArray()
            .Where(i => i.GetProperty("title").GetString() == title && i.GetProperty("classification").GetString() == "Restricted")
            .Select(i => (JsonElement?)i).FirstOrDefault();
}
