using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// Exercises in a real browser: a commander starts the sample medicane scenario at 60x with a simulated agency, watches
/// its injects fire on the run screen, pauses, resumes and aborts it; a participant's liaison sees the exercise's alert
/// and incident under the EXERCISE band; an administrator's scenario edit is refused naming the inject and field, then
/// saved; every screen axe-clean in Arabic and English.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ConsoleExerciseTests : ConsoleFixture
{
    [Test]
    [Order(1)]
    public async Task A_commander_runs_the_medicane_scenario_and_a_liaison_sees_its_items_marked_as_an_exercise()
    {
        var commander = await Browser.SignInAsync("commander");
        var liaison = await Browser.SignInAsync("liaison.civil-defence", "en");
        // Players are not shown the scenarios.
        await Expect(liaison.Locator("#nav-exercises")).ToBeHiddenAsync();

        await commander.ClickAsync("#nav-exercises");
        await Expect(commander.Locator("#view-exercises")).ToBeVisibleAsync();
        await Expect(commander.Locator("#nav-exercises")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(commander.Locator("#scenarios-table tr[data-scenario]")).ToHaveCountAsync(2);
        await Expect(commander.Locator("#scenarios-table tr[data-scenario='medicane-derna']")).ToContainTextAsync("إعصار متوسطي");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "exercises, Arabic");
        await ConsoleBrowser.ScreenshotAsync(commander, "exercises-ar");

        await commander.SelectOptionAsync("#xs-scenario", "medicane-derna");
        await commander.FillAsync("#xs-speed", "60");
        await commander.SelectOptionAsync("#xs-play-ambulance", "simulated");
        await commander.FillAsync("#xs-delay", "1");
        await commander.ClickAsync("#xs-submit");

        // The run screen: the band, the clock, and the storm reported at T+0 with its incident's reference.
        await Expect(commander.Locator("#exercise-run")).ToBeVisibleAsync();
        await Expect(commander.Locator("#exercise-run .exercise-band")).ToHaveTextAsync("تمرين — ليس حادثاً حقيقياً · EXERCISE — not a real incident");
        var first = commander.Locator("#run-injects li[data-number='1']");
        await Expect(first).ToHaveAttributeAsync("data-state", "fired");
        await Expect(first).ToContainTextAsync(new Regex("INC-\\d{4}-"));
        await Expect(commander.Locator("#run-state")).ToContainTextAsync("جارٍ");

        // The liaison: the alert in the inbox with the mark, and the incident under the band.
        var alert = liaison.Locator("#inbox li.alert.exercise", new() { HasText = "Medicane approaching Derna" });
        await Expect(alert.Locator(".exercise-tag")).ToHaveTextAsync("EXERCISE · تمرين");
        await alert.Locator("button.open-detail").ClickAsync();
        await Expect(liaison.Locator("#detail-exercise")).ToBeVisibleAsync();
        await Expect(liaison.Locator("#detail-exercise")).ToContainTextAsync("EXERCISE — not a real incident");
        await Expect(liaison.Locator("#detail-title .exercise-tag")).ToBeVisibleAsync();
        // The simulated ambulance acknowledges a minute of exercise time (a second) after its alert.
        await Expect(liaison.Locator("#detail-alerts li.done", new() { HasText = "Ambulance" })).ToHaveCountAsync(1);
        await ConsoleBrowser.ScreenshotAsync(liaison, "exercise-liaison-en");

        // The commander's own timeline marks the exercise's entries.
        await commander.ClickAsync("#nav-home");
        await Expect(commander.Locator("#shared-timeline li.exercise .exercise-tag").First).ToHaveTextAsync("تمرين · EXERCISE");
        await commander.ClickAsync("#nav-exercises");

        // Pause: the clock stands and says so; resume; abort with a reason.
        await commander.ClickAsync("#run-pause");
        await Expect(commander.Locator("#run-state")).ToContainTextAsync("متوقف مؤقتاً");
        await Expect(commander.Locator("#run-resume")).ToBeVisibleAsync();
        await Expect(commander.Locator("#run-pause")).ToBeHiddenAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "run screen, Arabic");
        await ConsoleBrowser.ScreenshotAsync(commander, "exercise-run-ar");
        await commander.ClickAsync("#run-resume");
        await Expect(commander.Locator("#run-state")).ToContainTextAsync("جارٍ");
        await commander.ClickAsync("#run-abort");
        await Expect(commander.Locator("#err-run-abort-reason")).ToContainTextAsync("السبب مطلوب");
        await commander.FillAsync("#run-abort-reason", "انتهى وقت التدريب");
        await commander.ClickAsync("#run-abort");
        await Expect(commander.Locator("#run-state")).ToContainTextAsync("أُنهي قبل موعده");
        await Expect(commander.Locator("#run-abort-form")).ToBeHiddenAsync();

        await commander.ClickAsync("#lang-toggle");
        await Expect(commander.Locator("#run-state")).ToContainTextAsync("Aborted");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "run screen, English");
        await commander.ClickAsync("#run-back");
        await Expect(commander.Locator("#exercises-table tr[data-status='Aborted']")).ToHaveCountAsync(1);
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "exercises, English");
        await commander.Context.CloseAsync();
        await liaison.Context.CloseAsync();
    }

    [Test]
    [TestCase("en")]
    [TestCase("ar")]
    public async Task A_scenario_edit_with_a_bad_inject_is_refused_naming_it_beside_the_editor_then_saved(string language)
    {
        var page = await Browser.SignInAsync("admin", language);
        await page.ClickAsync("#nav-exercises");
        await page.Locator("#scenarios-table tr[data-scenario='oil-terminal-es-sider'] button").ClickAsync();
        await Expect(page.Locator("#scenario-edit")).ToBeVisibleAsync();
        var original = await page.InputValueAsync("#scenario-json");

        await page.FillAsync("#scenario-json", original.Replace("\"district\": \"sirte\"", "\"district\": \"atlantis\"", StringComparison.Ordinal));
        await page.FillAsync("#scenario-reason", "drill");
        await page.ClickAsync("#scenario-save");
        var problem = page.Locator("#scenario-error-list li[data-field='injects[0].district']");
        await Expect(problem).ToContainTextAsync(language == "en" ? "Inject 1, district: District 'atlantis'" : "المُدخل 1، الحقل district:");
        await Expect(page.Locator("#scenario-error-list li[data-field='injects[3].district']")).ToHaveCountAsync(1);
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(page, $"scenario editor refused, {language}");
        await ConsoleBrowser.ScreenshotAsync(page, $"scenario-edit-{language}");

        await page.FillAsync("#scenario-json", original.Replace("\"durationMinutes\": 90", $"\"durationMinutes\": {(language == "en" ? 95 : 100)}", StringComparison.Ordinal));
        await page.ClickAsync("#scenario-save");
        await Expect(page.Locator("#scenario-status")).ToContainTextAsync(new Regex(language == "en" ? "saved, version \\d" : "الإصدار"));
        await Expect(page.Locator("#scenario-error-list li")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
