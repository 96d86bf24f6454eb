using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// The administrator's screens in a real browser, on a hub of their own: users registered, refused beside the
/// field, signed in and disabled; agencies registered and named at once by the other screens.
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
        await admin.Context.CloseAsync();
    }
}
