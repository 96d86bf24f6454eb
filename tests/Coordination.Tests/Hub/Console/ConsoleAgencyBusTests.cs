using System.Text.Json;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using RabbitMQ.Client.Exceptions;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The administrator's "Agency systems on the bus" card in a real browser, on a hub on a real RabbitMQ with its
/// management API: NCEM's system is given a broker identity whose password, shown once, opens NCEM's queue; then it
/// is revoked after a confirmation and the broker refuses it. Each state shows in the card and in the read behind it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleAgencyBusTests : RabbitMqFixture
{
    protected override bool Management => true;

    [Test]
    public async Task An_administrator_issues_NCEM_s_system_a_broker_identity_sees_its_password_once_then_revokes_it()
    {
        var settings = BusSettings();
        settings["Coordination:AgencyBus:Agencies:0"] = "ncem";
        settings["Coordination:AgencyBus:Agencies:1"] = "security-tripoli";
        var queue = AgencyQueues.Entries(settings["Coordination:Bus:QueuePrefix"]!, "ncem");
        await using var hub = await HubHost.StartFreshAsync(settings);
        await using var browser = await ConsoleBrowser.StartAsync(hub);
        await using (await AgencyQueueReader.StartAsync(Broker.AmqpPort, queue))
        {
            // The hub has declared NCEM's queue: what the identity is tested against below.
        }

        var page = await browser.SignInAsync("admin");
        await page.ClickAsync("#tab-agencies");
        var card = page.Locator("#agency-bus");
        var ncem = card.Locator("#agency-bus-table tr[data-agency='ncem']");
        await Expect(card.Locator("h2")).ToHaveTextAsync("أنظمة الجهات على الناقل");
        await Expect(page.Locator("#agency-bus-off")).ToBeHiddenAsync();
        await Expect(card.Locator("#agency-bus-table tbody tr")).ToHaveCountAsync(2);
        await Expect(ncem).ToContainTextAsync(queue);
        await Expect(ncem.Locator("td[data-state]")).ToHaveAttributeAsync("data-state", "None");
        await Expect(ncem.Locator("td[data-state]")).ToContainTextAsync("لم تُصدر");
        await Expect(ncem.Locator("button.bus-revoke")).ToHaveCountAsync(0);

        await ncem.Locator("button.bus-issue").ClickAsync();
        var password = page.Locator("#agency-bus-password");
        await Expect(password).ToBeFocusedAsync();
        await Expect(password).Not.ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#agency-bus-once")).ToContainTextAsync("تظهر كلمة المرور الآن فقط");
        await Expect(ncem.Locator("td[data-state]")).ToHaveAttributeAsync("data-state", "Issued");
        await Expect(ncem.Locator("td[data-state]")).ToContainTextAsync("admin");
        var userName = await page.Locator("#agency-bus-settings code[data-field='userName']").TextContentAsync();
        Assert.That(userName, Is.EqualTo(settings["Coordination:Bus:QueuePrefix"] + ".agency.ncem"));
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "agency systems on the bus, a password shown");
        await ConsoleBrowser.ScreenshotAsync(card, "admin-agency-bus-ar");

        // The password the page showed is the one the broker takes for NCEM's queue.
        var shown = await password.InputValueAsync();
        await using (await AgencyQueueReader.ConnectAsync(Broker.AmqpPort, queue, userName!, shown))
        {
        }

        using var admin = await hub.ClientForAsync("admin");
        var issued = Ncem(await admin.GetOkAsync("api/admin/agency-bus"));
        Assert.Multiple(() =>
        {
            Assert.That(issued.GetProperty("credentials").GetString(), Is.EqualTo("Issued"));
            Assert.That(issued.GetProperty("changedBy").GetString(), Is.EqualTo("admin"));
            Assert.That(issued.GetRawText(), Does.Not.Contain(shown), "the read never carries a password");
        });

        // Revoking asks first; the confirmation names the agency's broker user.
        await ncem.Locator("button.bus-revoke").ClickAsync();
        var dialog = page.Locator("#confirm-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(userName!);
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, "agency systems on the bus, revoke confirmation");
        await dialog.Locator("button[value='confirm']").ClickAsync();
        await Expect(page.Locator("#agency-bus-result")).ToContainTextAsync("أُلغيت هوية نظام");
        await Expect(ncem.Locator("td[data-state]")).ToHaveAttributeAsync("data-state", "Revoked");
        await Expect(ncem.Locator("td[data-state]")).ToContainTextAsync("ملغاة");
        await Expect(ncem.Locator("button.bus-revoke")).ToHaveCountAsync(0);
        await Expect(page.Locator("#agency-bus-issued")).ToBeHiddenAsync();
        Assert.ThrowsAsync<BrokerUnreachableException>(() => AgencyQueueReader.ConnectAsync(Broker.AmqpPort, queue, userName!, shown), "a revoked identity is refused");
        Assert.That(Ncem(await admin.GetOkAsync("api/admin/agency-bus")).GetProperty("credentials").GetString(), Is.EqualTo("Revoked"));

        // In English, after a reload: the state comes from the log, the password is gone for good.
        var english = await browser.SignInAsync("admin", "en");
        await english.ClickAsync("#tab-agencies");
        await Expect(english.Locator("#agency-bus h2")).ToHaveTextAsync("Agency systems on the bus");
        await Expect(english.Locator("#agency-bus-table tr[data-agency='ncem'] td[data-state]")).ToContainTextAsync("Revoked");
        await Expect(english.Locator("#agency-bus-table tr[data-agency='ncem'] button.bus-issue")).ToHaveTextAsync("Issue credentials");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(english, "agency systems on the bus, English");
        await page.Context.CloseAsync();
        await english.Context.CloseAsync();
    }

    private static JsonElement Ncem(JsonElement bus)
    {
        Assert.That(bus.GetProperty("enabled").GetBoolean(), Is.True);
        return bus.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agency").GetString() == "ncem");
    }
}
