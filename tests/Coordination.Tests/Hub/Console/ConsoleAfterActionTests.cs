using System.Text.RegularExpressions;
using Coordination.Hub.Features.Register;
using Coordination.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coordination.Tests.Hub.Console;

/// <summary>
/// An exercise's after-action report in a real browser: a small scenario run to its end at 60x, Civil Defence simulated
/// acknowledging late and the ambulance service never; the commander reads expected against actual on the timeline,
/// the per-agency bars and the acknowledgement times, is told beside the field what a finding lacks, records a gap
/// proposing a re-score, and an administrator accepts it, the register's risk changing; axe-clean in Arabic and English.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ConsoleAfterActionTests : ConsoleFixture
{
    private const string Code = "terminal-drill";

    private static readonly Guid DernaDams = RiskWriter.IdFor("flood-derna-dams");

    [OneTimeSetUp]
    public async Task EnterASmallScenarioAsync()
    {
        using var commander = await Hub.ClientForAsync("commander");
        // One report at T+0 that Civil Defence and the ambulance service must each acknowledge within a minute; four minutes in all.
        await commander.PostOkAsync("api/scenarios", new
        {
            code = Code, titleAr = "تمرين قصير: حريق في ميناء السدرة", titleEn = "Short drill: Es Sider terminal fire",
            summaryAr = "بلاغ واحد وتأكيدان متوقعان.", summaryEn = "One report, two acknowledgements expected.", durationMinutes = 4,
            participants = new[] { "civil-defence", "ambulance" },
            injects = new[]
            {
                new
                {
                    atMinutes = 0, kind = "Report", incident = "fire", hazard = "FuelGasExplosion", severity = "Severe", district = "sirte", municipality = "السدرة",
                    titleAr = "حريق في خزان بميناء السدرة", titleEn = "Tank fire at Es Sider", textAr = "حريق في خزان خام.", textEn = "Fire in a crude tank.",
                    expected = new[]
                    {
                        new { agency = "civil-defence", action = "Acknowledge", withinMinutes = 1 },
                        new { agency = "ambulance", action = "Acknowledge", withinMinutes = 1 },
                    },
                },
            },
        });
    }

    [Test]
    public async Task The_commander_reads_expected_against_actual_records_a_gap_proposing_a_re_score_and_an_administrator_accepts_it()
    {
        using var http = await Hub.ClientForAsync("commander");
        var likelihood = (await http.GetOkAsync($"api/register/{DernaDams}")).GetProperty("current").GetProperty("risk").GetProperty("likelihood").GetInt32();
        var proposed = likelihood == 5 ? 4 : likelihood + 1;

        var commander = await Browser.SignInAsync("commander");
        await commander.ClickAsync("#nav-exercises");
        await commander.SelectOptionAsync("#xs-scenario", Code);
        await commander.FillAsync("#xs-speed", "60");
        await commander.SelectOptionAsync("#xs-play-civil-defence", "simulated");
        await commander.SelectOptionAsync("#xs-play-ambulance", "never");
        await commander.FillAsync("#xs-delay", "2");
        await commander.ClickAsync("#xs-submit");
        // Four exercise minutes at 60x: the run screen, read every two seconds, says when it has ended.
        await Expect(commander.Locator("#run-state")).ToContainTextAsync("اكتمل", new() { Timeout = 30_000 });
        await commander.ClickAsync("#run-after-action");

        var view = commander.Locator("#after-action");
        await Expect(view).ToBeVisibleAsync();
        await Expect(commander.Locator("#aa-title")).ToBeFocusedAsync();
        await Expect(view.Locator(".exercise-band")).ToHaveTextAsync("تمرين — ليس حادثاً حقيقياً · EXERCISE — not a real incident");
        await Expect(commander.Locator("#aa-title")).ToContainTextAsync("تمرين قصير");
        // Civil Defence acknowledged after its minute had passed (its simulated delay is two); the ambulance service never did.
        var late = commander.Locator("#aa-results tr[data-agency='civil-defence'][data-outcome='Late']");
        await Expect(late).ToContainTextAsync("متأخر");
        await Expect(late.Locator("td").Nth(3)).ToHaveTextAsync(new Regex("^T\\+\\d"));
        await Expect(late.Locator("button[data-position]")).ToHaveCountAsync(1);
        await Expect(late.Locator(".exercise-tag")).ToHaveCountAsync(1);
        await Expect(commander.Locator("#aa-results tr[data-agency='ambulance'][data-outcome='Missed']")).ToContainTextAsync("فائت");
        await Expect(commander.Locator("#aa-timeline svg g.aa-line")).ToHaveCountAsync(2);
        await Expect(commander.Locator("#aa-timeline g.aa-line.late circle.done")).ToHaveCountAsync(1);
        await Expect(commander.Locator("#aa-timeline g.aa-line.missed circle.done")).ToHaveCountAsync(0);
        await Expect(commander.Locator("#aa-bars li[data-agency='civil-defence']")).ToHaveAttributeAsync("data-late", "1");
        await Expect(commander.Locator("#aa-bars li[data-agency='ambulance']")).ToHaveAttributeAsync("data-missed", "1");
        await Expect(commander.Locator("#aa-distribution svg rect.fill")).ToHaveCountAsync(8);

        // A finding without its Arabic text is refused beside the field, nothing recorded; then recorded with a re-score.
        await commander.SelectOptionAsync("#aa-kind", "Gap");
        await commander.SelectOptionAsync("#aa-agency", "ambulance");
        await commander.FillAsync("#aa-text-en", "The ambulance service never acknowledged");
        await commander.SelectOptionAsync("#aa-proposal", "rescore");
        await commander.SelectOptionAsync("#aa-risk", DernaDams.ToString());
        await commander.FillAsync("#aa-likelihood", proposed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await commander.FillAsync("#aa-rescore-reason", "لم يصل الإسعاف خلال التمرين");
        await commander.ClickAsync("#aa-record");
        await Expect(commander.Locator("#err-aa-text-ar")).Not.ToBeEmptyAsync();
        await Expect(commander.Locator("#aa-text-ar")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(commander.Locator("#aa-gaps li.finding")).ToHaveCountAsync(0);
        await commander.FillAsync("#aa-text-ar", "لم يؤكد الإسعاف استلام البلاغ");
        await commander.ClickAsync("#aa-record");
        var gap = commander.Locator("#aa-gaps li.finding");
        await Expect(gap).ToHaveCountAsync(1);
        await Expect(gap).ToContainTextAsync("لم يؤكد الإسعاف استلام البلاغ");
        await Expect(gap.Locator(".proposal")).ToContainTextAsync("لم يصل الإسعاف خلال التمرين");
        await Expect(gap).ToContainTextAsync("بانتظار قرار");
        await Expect(gap.Locator(".exercise-tag")).ToHaveCountAsync(1);
        await Expect(commander.Locator("#aa-form-result")).ToHaveTextAsync("سُجّلت الملاحظة.");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "after-action, Arabic");
        await ConsoleBrowser.ScreenshotAsync(commander, "after-action-ar");

        await commander.ClickAsync("#lang-toggle");
        await Expect(late).ToContainTextAsync("Late");
        await Expect(gap).ToContainTextAsync("The ambulance service never acknowledged");
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(commander, "after-action, English");
        await commander.Context.CloseAsync();

        // The administrator decides: the register's risk takes the proposed likelihood.
        var admin = await Browser.SignInAsync("admin", "en");
        await admin.ClickAsync("#nav-exercises");
        await admin.Locator("#exercises-table tr[data-status='Completed'] button.after-action").ClickAsync();
        var decided = admin.Locator("#aa-gaps li.finding");
        await Expect(decided.Locator("button[data-decide='accept']")).ToBeVisibleAsync();
        await ConsoleAccessibilityTests.AssertLabelledAndAxeCleanAsync(admin, "after-action, administrator, English");
        await decided.Locator("input").FillAsync("Agreed: the drill showed it");
        await decided.Locator("button[data-decide='accept']").ClickAsync();
        await Expect(decided.Locator(".decision.accepted")).ToContainTextAsync("Proposal accepted by admin: Agreed: the drill showed it");
        await Expect(decided.Locator("button[data-decide]")).ToHaveCountAsync(0);
        var after = await http.GetOkAsync($"api/register/{DernaDams}");
        Assert.That(after.GetProperty("current").GetProperty("risk").GetProperty("likelihood").GetInt32(), Is.EqualTo(proposed));
        await admin.Context.CloseAsync();
    }
}
