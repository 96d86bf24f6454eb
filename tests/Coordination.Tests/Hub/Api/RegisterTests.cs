using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Features.Register;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The national risk register: every risk a stream of the log whose entries are its versions; scored on fixed bands,
/// its overall impact the highest dimension; changed by its lead agency or an administrator, a score only with a
/// reason; shown now or as of any past moment; exported and imported as CSV with nothing half-imported.
/// </summary>
[TestFixture]
public sealed class RegisterTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task The_first_start_enters_a_sample_register_of_Libya_s_principal_hazards_placed_on_the_heat_map()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var liaison = await hub.ClientForAsync("liaison.red-crescent");

        var register = await liaison.GetOkAsync("api/register");
        var heatMap = await liaison.GetOkAsync("api/register/heatmap");
        var byCode = register.GetProperty("risks").EnumerateArray().ToDictionary(r => r.GetProperty("risk").GetProperty("code").GetString()!);
        var derna = byCode["flood-derna-dams"];
        var dernaCell = heatMap.EnumerateArray().Single(c => c.GetProperty("risks").EnumerateArray().Any(r => r.GetProperty("code").GetString() == "flood-derna-dams"));

        Assert.Multiple(() =>
        {
            Assert.That(byCode.Keys, Has.Count.GreaterThanOrEqualTo(12));
            Assert.That(byCode.Keys, Is.SupersetOf(new[] { "flood-derna-dams", "flood-coastal-belt", "armed-clash-tripoli", "oil-terminal-ras-lanuf", "oil-terminal-es-sider", "sea-rescue-zuwara" }));
            Assert.That(byCode.Values.All(r => r.GetProperty("risk").GetProperty("isSample").GetBoolean()), Is.True, "marked as sample data");
            Assert.That(derna.GetProperty("overallImpact").GetInt32(), Is.EqualTo(5), "the highest dimension");
            Assert.That(heatMap.GetArrayLength(), Is.EqualTo(25));
            Assert.That((dernaCell.GetProperty("likelihood").GetInt32(), dernaCell.GetProperty("impact").GetInt32()), Is.EqualTo((3, 5)));
            Assert.That(byCode["flood-coastal-belt"].GetProperty("reviewOverdue").GetBoolean(), Is.True, "its review fell due in October");
            Assert.That(derna.GetProperty("reviewOverdue").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task A_score_changes_only_with_a_reason_the_history_is_the_risk_s_stream_and_the_register_can_be_shown_as_it_stood()
    {
        var clock = new FakeTimeProvider(Today);
        await using var hub = await HubHost.StartFreshAsync(time: clock);
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var derna = await RiskAsync(ncem, "flood-derna-dams");
        var riskId = derna.GetProperty("risk").GetProperty("riskId").GetGuid();
        var before = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(5));

        var raised = Change(derna, likelihood: 4, reason: null);
        using var noReason = await ncem.PutAsJsonAsync($"api/register/{riskId}", new { risk = raised, expectedVersion = 1 });
        raised["reason"] = "تقرير هيئة المياه: تشققات في جسم السد الأعلى";
        var saved = await ncem.PutOkAsync($"api/register/{riskId}", new { risk = raised, expectedVersion = 1 });
        var meanwhile = Change(derna, likelihood: 5, reason: "من نسخة قديمة");
        using var stale = await ncem.PutAsJsonAsync($"api/register/{riskId}", new { risk = meanwhile, expectedVersion = 1 });

        var detail = await ncem.GetOkAsync($"api/register/{riskId}");
        var asBefore = await ncem.GetOkAsync($"api/register?asOf={Uri.EscapeDataString(before.ToString("O"))}");
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(riskId, default);
        Assert.Multiple(async () =>
        {
            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noReason.Content.ReadAsStringAsync(), Does.Contain("Reason is required when a score changes"));
            Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await stale.Content.ReadAsStringAsync(), Does.Contain("was changed since version 1"));
            Assert.That(detail.GetProperty("current").GetProperty("risk").GetProperty("likelihood").GetInt32(), Is.EqualTo(4));
            Assert.That(detail.GetProperty("history")[0].GetProperty("changed").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "likelihood" }));
            Assert.That(detail.GetProperty("history")[0].GetProperty("changedBy").GetString(), Is.EqualTo("liaison.ncem"));
            Assert.That(detail.GetProperty("history")[0].GetProperty("reason").GetString(), Does.StartWith("تقرير هيئة المياه"));
            Assert.That(stream.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.RiskRecorded, EventTypes.RiskChanged }));
            Assert.That(asBefore.GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("risk").GetProperty("code").GetString() == "flood-derna-dams")
                .GetProperty("risk").GetProperty("likelihood").GetInt32(), Is.EqualTo(3), "the register as it stood before the change");
        });
    }

    [Test]
    public async Task A_risk_as_read_can_be_sent_back_as_it_is_and_changes_nothing()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var admin = await hub.ClientForAsync("admin");
        var derna = await RiskAsync(admin, "flood-derna-dams");
        var riskId = derna.GetProperty("risk").GetProperty("riskId").GetGuid();
        var head = await HeadAsync(hub);

        var saved = await admin.PutOkAsync($"api/register/{riskId}", new { risk = JsonNode.Parse(derna.GetProperty("risk").GetRawText()), expectedVersion = 1 });

        Assert.Multiple(async () =>
        {
            Assert.That(derna.GetProperty("risk").GetProperty("impacts").EnumerateObject().Select(p => p.Name), Has.None.EqualTo("dimensions").And.None.EqualTo("overall"));
            Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing to record");
        });
    }

    [Test]
    public async Task Only_the_lead_agency_s_liaisons_and_administrators_change_a_risk_and_bad_scores_are_refused_naming_the_field()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var admin = await hub.ClientForAsync("admin");
        using var civilDefence = await hub.ClientForAsync("liaison.civil-defence");
        using var commander = await hub.ClientForAsync("commander");
        var derna = await RiskAsync(admin, "flood-derna-dams");
        var riskId = derna.GetProperty("risk").GetProperty("riskId").GetGuid();
        var head = await HeadAsync(hub);

        using var otherAgency = await civilDefence.PutAsJsonAsync($"api/register/{riskId}", new { risk = Change(derna, 4, "x") });
        using var byCommander = await commander.PutAsJsonAsync($"api/register/{riskId}", new { risk = Change(derna, 4, "x") });
        var zero = Change(derna, 0, "x");
        var six = Change(derna, 6, "x");
        six["impacts"]!["fatalities"] = 6;
        six["districts"] = new JsonArray("atlantis");
        six["leadAgency"] = "nasa";
        using var likelihoodZero = await admin.PutAsJsonAsync($"api/register/{riskId}", new { risk = zero });
        using var many = await admin.PutAsJsonAsync($"api/register/{riskId}", new { risk = six });
        var errors = JsonDocument.Parse(await many.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

        Assert.Multiple(async () =>
        {
            Assert.That(otherAgency.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await otherAgency.Content.ReadAsStringAsync(), Does.Contain("led by ncem"));
            Assert.That(byCommander.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(likelihoodZero.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(many.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.SupersetOf(new[] { "risk.likelihood", "risk.impacts.fatalities", "risk.districts[0]", "risk.leadAgency" }));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written");
        });
    }

    [Test]
    public async Task A_risk_s_code_never_changes_and_a_new_risk_under_a_code_in_use_is_refused_naming_the_code()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var admin = await hub.ClientForAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var derna = await RiskAsync(admin, "flood-derna-dams");
        var renamed = Change(derna, derna.GetProperty("risk").GetProperty("likelihood").GetInt32(), "x");
        renamed["code"] = "flood-derna-renamed";
        var again = Change(await RiskAsync(admin, "armed-clash-tripoli"), 3, null);
        var head = await HeadAsync(hub);

        using var rename = await admin.PutAsJsonAsync($"api/register/{derna.GetProperty("risk").GetProperty("riskId").GetGuid()}", new { risk = renamed });
        using var taken = await admin.PostAsJsonAsync("api/register", again);
        using var noRisk = await admin.PutAsJsonAsync($"api/register/{derna.GetProperty("risk").GetProperty("riskId").GetGuid()}", new { expectedVersion = 1 });
        var scored = Change(derna, 5, "x");
        using var ahead = await admin.PutAsJsonAsync($"api/register/{derna.GetProperty("risk").GetProperty("riskId").GetGuid()}", new { risk = scored, expectedVersion = 99 });
        var asStored = Change(derna, derna.GetProperty("risk").GetProperty("likelihood").GetInt32(), null);
        using var aheadUnchanged = await admin.PutAsJsonAsync($"api/register/{derna.GetProperty("risk").GetProperty("riskId").GetGuid()}", new { risk = asStored, expectedVersion = 99 });
        var unlinked = Change(await RiskAsync(admin, "armed-clash-tripoli"), 3, null);
        unlinked["code"] = "armed-clash-misrata";
        unlinked["plans"] = new JsonArray("no-such-plan");
        using var unknownPlan = await admin.PostAsJsonAsync("api/register", unlinked);

        Assert.Multiple(async () =>
        {
            Assert.That(rename.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "renamed, the old code could never be entered again");
            Assert.That(await ErrorsAsync(rename), Does.ContainKey("risk.code").WithValue(new[] { "رمز الخطر لا يتغيّر: أدخل خطراً جديداً بدلاً من ذلك." }));
            Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a mistake to name, not a conflict to retry");
            Assert.That(await ErrorsAsync(taken), Does.ContainKey("code").WithValue(new[] { "الرمز 'armed-clash-tripoli' مستخدم لخطر آخر." }));
            Assert.That(noRisk.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorsAsync(noRisk), Does.ContainKey("risk").WithValue(new[] { "'risk' مطلوب: أرسل كامل الخطر بعد التعديل." }));
            Assert.That(ahead.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a version nobody read is a mistake, not a change made meanwhile");
            Assert.That(await ErrorsAsync(ahead), Does.ContainKey("expectedVersion").WithValue(new[] { "الإصدار المتوقع 99 يتجاوز آخر إصدار (1): أرسل رقم الإصدار الذي قرأته." }));
            Assert.That(aheadUnchanged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "sent as it stands, the version is still one nobody read");
            Assert.That(await ErrorsAsync(aheadUnchanged), Does.ContainKey("expectedVersion"));
            Assert.That(unknownPlan.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a link to a plan the library does not hold leads nowhere");
            Assert.That(await ErrorsAsync(unknownPlan), Does.ContainKey("plans[0]").WithValue(new[] { "الخطة 'no-such-plan' غير موجودة في مكتبة خطط الطوارئ." }));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written");
        });
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());

    [Test]
    public async Task A_CSV_with_bad_rows_is_refused_by_line_and_field_with_nothing_written_and_a_good_one_is_one_entry_per_changed_risk()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var admin = await hub.ClientForAsync("admin");
        var (csv, lines, dernaRow) = await ExportAsync(admin);
        var head = await HeadAsync(hub);

        Assert.That(lines, Has.Count.EqualTo(15), csv);
        var unchanged = await ImportAsync(admin, csv);
        var bad = new List<string>(lines);
        var dernaLine = bad.IndexOf(dernaRow);
        bad[dernaLine] = dernaRow.Replace(",Natural,", ",Volcanic,", StringComparison.Ordinal);
        bad.Add(dernaRow.Replace("flood-derna-dams", "flood-ghat-wadi", StringComparison.Ordinal).Replace(",ncem,", ",nasa,", StringComparison.Ordinal));
        using var refused = await admin.PostAsync(new Uri("api/register/import", UriKind.Relative), new StringContent(string.Join("\r\n", bad), Encoding.UTF8, "text/csv"));
        var refusedErrors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        var headAfterRefusal = await HeadAsync(hub);

        var good = new List<string>(lines) { dernaRow.Replace("flood-derna-dams", "flood-ghat-wadi", StringComparison.Ordinal) };
        var imported = await ImportAsync(admin, string.Join("\r\n", good));

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("code,hazard,theme,titleAr,titleEn"));
            Assert.That((unchanged.GetProperty("recorded").GetInt32(), unchanged.GetProperty("changed").GetInt32()), Is.EqualTo((0, 0)), "the export read back changes nothing");
            Assert.That(headAfterRefusal, Is.EqualTo(head), "nothing half-imported");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(refusedErrors, Is.SupersetOf(new[] { $"line {dernaLine + 1}.theme", $"line {bad.Count}.leadAgency" }));
            Assert.That(imported.GetProperty("recorded").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_title_a_spreadsheet_would_run_as_a_formula_is_exported_behind_a_single_quote_and_imported_back_as_it_was()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        using var admin = await hub.ClientForAsync("admin");
        const string title = "=HYPERLINK(\"http://evil.example\",\"click\")";
        var risk = Change(await RiskAsync(ncem, "flood-derna-dams"), likelihood: 3, reason: "new risk");
        risk["code"] = "flood-wadi-kaam";
        risk["titleEn"] = title;
        risk["controlsEn"] = "-2 pumps since the storm; +1 on order @ Misrata";
        risk["controlsAr"] = "'=already quoted by whoever typed it";
        await ncem.PostOkAsync("api/register", risk);
        var csv = await admin.GetStringAsync(new Uri("api/register/export?format=csv", UriKind.Relative));
        var row = csv.Split("\r\n").Single(l => l.StartsWith("flood-wadi-kaam,", StringComparison.Ordinal));
        var head = await HeadAsync(hub);

        var imported = await ImportAsync(admin, csv);
        var after = (await RiskAsync(admin, "flood-wadi-kaam")).GetProperty("risk");

        Assert.Multiple(async () =>
        {
            Assert.That(row, Does.Contain(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","), "neutralised, then quoted as RFC 4180 quotes it");
            Assert.That(row, Does.Contain(",''=already quoted by whoever typed it,").And.Contain(",'-2 pumps since the storm; +1 on order @ Misrata,"));
            Assert.That(row, Does.Not.Contain(",=").And.Not.Contain(",\"="), "no cell starts a formula");
            Assert.That((imported.GetProperty("recorded").GetInt32(), imported.GetProperty("changed").GetInt32()), Is.EqualTo((0, 0)), "the export read back changes nothing");
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "no new entries");
            Assert.That(after.GetProperty("titleEn").GetString(), Is.EqualTo(title));
            Assert.That(after.GetProperty("controlsAr").GetString(), Is.EqualTo("'=already quoted by whoever typed it"));
        });
    }

    [Test]
    public async Task A_CSV_that_is_not_UTF_8_is_refused_in_English_and_Arabic_naming_its_line_with_nothing_written()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var admin = await hub.ClientForAsync("admin");
        var (csv, lines, derna) = await ExportAsync(admin);
        // A row whose title a spreadsheet saved in Latin-1: "é" is the single byte E9, which is not UTF-8.
        var (before, after) = (derna.Replace("flood-derna-dams", "flood-armee", StringComparison.Ordinal).Split(",Failure of the Wadi Derna dams,") is [var b, var a] ? (b, a) : throw new AssertionException(derna));
        byte[] body = [.. Encoding.UTF8.GetBytes(csv + before + ",Arm"), 0xE9, .. Encoding.UTF8.GetBytes("," + after + "\r\n")];
        var head = await HeadAsync(hub);

        var (english, englishErrors) = await ImportBytesAsync(admin, body, "en");
        var (arabic, arabicErrors) = await ImportBytesAsync(admin, body, "ar");

        Assert.Multiple(async () =>
        {
            Assert.That(english, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(englishErrors.GetProperty("csv")[0].GetString(), Does.StartWith($"The file is not UTF-8 text (line {lines.Count + 1} "));
            Assert.That(arabic, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(arabicErrors.GetProperty("csv")[0].GetString(), Does.StartWith($"الملف ليس نصاً بترميز UTF-8 (في السطر {lines.Count + 1} "));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written");
            Assert.That((await admin.GetOkAsync("api/register")).GetProperty("risks").EnumerateArray().Select(r => r.GetProperty("risk").GetProperty("code").GetString()),
                Has.None.EqualTo("flood-armee"));
        });
    }

    [Test]
    public async Task A_CSV_row_with_more_cells_than_the_header_is_refused_by_line_with_nothing_written()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var admin = await hub.ClientForAsync("admin");
        var (csv, lines, derna) = await ExportAsync(admin);
        lines.Add(derna.Replace("flood-derna-dams", "flood-ghat-wadi", StringComparison.Ordinal) + ",SURPRISE,<script>");
        var head = await HeadAsync(hub);

        var (status, errors) = await ImportBytesAsync(admin, Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "en");

        Assert.Multiple(async () =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { $"line {lines.Count}.columns" }));
            Assert.That(errors.GetProperty($"line {lines.Count}.columns")[0].GetString(), Does.StartWith($"Line {lines.Count} has 27 cells where the first line names 25 columns"));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written");
        });
    }

    [Test]
    public async Task A_CSV_whose_header_is_not_the_export_s_or_whose_quote_never_closes_is_refused_saying_so()
    {
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today));
        using var admin = await hub.ClientForAsync("admin");
        var (csv, lines, derna) = await ExportAsync(admin);
        var renamed = new List<string>(lines) { [0] = lines[0].Replace(",titleEn,", ",title_en,", StringComparison.Ordinal) };
        // The last cell (the reason, empty in the export) opens a quote the file never closes.
        var unclosed = new List<string>(lines) { derna.Replace("flood-derna-dams", "flood-ghat-wadi", StringComparison.Ordinal) + "\"after the storm, as agreed" };
        var head = await HeadAsync(hub);

        var (badHeader, headerErrors) = await ImportBytesAsync(admin, Encoding.UTF8.GetBytes(string.Join("\r\n", renamed)), "en");
        var (badQuote, quoteErrors) = await ImportBytesAsync(admin, Encoding.UTF8.GetBytes(string.Join("\r\n", unclosed)), "en");

        Assert.Multiple(async () =>
        {
            Assert.That(badHeader, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(headerErrors.EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "line 1.columns" }), "one error, not one per row");
            Assert.That(headerErrors.GetProperty("line 1.columns")[0].GetString(),
                Is.EqualTo("The first line is not the export's header; missing: 'titleEn'; not a column of the register (or named twice): 'title_en'."));
            Assert.That(badQuote, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(quoteErrors.GetProperty($"line {lines.Count + 1}.reason")[0].GetString(), Does.StartWith($"A double quote opened on line {lines.Count + 1} is never closed"));
            Assert.That(await HeadAsync(hub), Is.EqualTo(head), "nothing written");
        });
    }

    [Test]
    public async Task An_import_waits_out_an_overdue_review_s_steps_appended_to_a_risk_while_it_writes_and_writes_every_changed_risk()
    {
        var scan = new ScanAhead();
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today), services: scan.Decorate);
        using var admin = await hub.ClientForAsync("admin");
        var (derna, _, csv) = DernaAndZuwaraWithNewControls();

        // The scan wins the race to Derna's stream five times running: its alert, reminder and three escalations land
        // between the import's read of the stream and each of its appends, as one scan of a long-overdue review appends them.
        scan.Arm(RiskWriter.IdFor(derna.Code!), ScanAhead.ReviewSteps(RiskWriter.IdFor(derna.Code!), derna));
        var imported = await ImportAsync(admin, csv);
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(RiskWriter.IdFor(derna.Code!), default);
        var register = await admin.GetOkAsync("api/register");

        Assert.Multiple(() =>
        {
            Assert.That(imported.GetProperty("changed").GetInt32(), Is.EqualTo(2), "both risks written, not a 409 after the first few tries");
            Assert.That(stream.Select(e => e.Type), Is.EqualTo(new[]
            {
                EventTypes.RiskRecorded, EventTypes.RiskReviewOverdue, EventTypes.RiskReviewReminderSent,
                EventTypes.RiskReviewEscalated, EventTypes.RiskReviewEscalated, EventTypes.RiskReviewEscalated, EventTypes.RiskChanged,
            }), "the scan's five steps came first, then the change");
            Assert.That(ControlsOf(register, "flood-derna-dams"), Is.EqualTo("Dam gauges read hourly from September"));
            Assert.That(ControlsOf(register, "sea-rescue-zuwara"), Is.EqualTo("Two patrol boats on call at Zuwara"));
        });
    }

    [Test]
    public async Task An_import_that_meets_a_risk_changed_meanwhile_writes_no_risk_at_all_and_names_the_one_that_changed()
    {
        var scan = new ScanAhead();
        await using var hub = await HubHost.StartFreshAsync(time: new FakeTimeProvider(Today), services: scan.Decorate);
        using var admin = await hub.ClientForAsync("admin");
        var (derna, zuwara, csv) = DernaAndZuwaraWithNewControls();
        var zuwaraId = RiskWriter.IdFor(zuwara.Code!);

        // Between the import's read and its write, the coast guard's own change to Zuwara lands: a real change, not an
        // overdue step, so the import must not write over it, nor keep Derna's row written beside a refused one.
        var coastGuard = new Coordination.Hub.Auth.Caller("admin", Agencies.Contracts.Reference.Role.Administrator, "moi-duty");
        var theirs = zuwara with { ControlsEn = "Three boats since the new season" };
        scan.Arm(zuwaraId, [Coordination.Hub.Features.Common.Events.Create(Guid.CreateVersion7(), EventTypes.RiskChanged,
            new Agencies.Contracts.Register.RiskChanged(theirs.ToRisk(zuwaraId, true), "admin", "new season", Today), coastGuard, false)]);
        var dernaBefore = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(RiskWriter.IdFor(derna.Code!), default);
        using var response = await admin.PostAsync(new Uri("api/register/import?reason=annual-review", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        var refusal = await response.Content.ReadAsStringAsync();
        var dernaAfter = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(RiskWriter.IdFor(derna.Code!), default);
        var register = await admin.GetOkAsync("api/register");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), refusal);
            Assert.That(refusal, Does.Contain("sea-rescue-zuwara"), "the refusal names the risk that changed");
            Assert.That(dernaAfter, Has.Count.EqualTo(dernaBefore.Count), "Derna's row, checked first and fine, was not written either");
            Assert.That(ControlsOf(register, "flood-derna-dams"), Is.EqualTo(derna.ControlsEn));
            Assert.That(ControlsOf(register, "sea-rescue-zuwara"), Is.EqualTo("Three boats since the new season"), "their change stands");
        });
    }

    /// <summary>The sample's Derna dams and Zuwara sea rescue, and an import file giving each new controls.</summary>
    private static (RiskRequest Derna, RiskRequest Zuwara, string Csv) DernaAndZuwaraWithNewControls()
    {
        var sample = RegisterSeed.Sample();
        var derna = sample.Single(r => r.Code == "flood-derna-dams");
        var zuwara = sample.Single(r => r.Code == "sea-rescue-zuwara");
        var csv = RegisterCsv.Write(new[]
        {
            derna with { ControlsEn = "Dam gauges read hourly from September" },
            zuwara with { ControlsEn = "Two patrol boats on call at Zuwara" },
        }.Select(r => r.ToRisk(RiskWriter.IdFor(r.Code!))));
        return (derna, zuwara, csv);
    }

    private static string? ControlsOf(JsonElement register, string code) =>
        register.GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("risk").GetProperty("code").GetString() == code)
            .GetProperty("risk").GetProperty("controlsEn").GetString();

    private static JsonObject Change(JsonElement view, int likelihood, string? reason)
    {
        var risk = JsonNode.Parse(view.GetProperty("risk").GetRawText())!.AsObject();
        risk.Remove("riskId");
        risk.Remove("isSample");
        risk["likelihood"] = likelihood;
        risk["reason"] = reason;
        return risk;
    }

    private static async Task<JsonElement> RiskAsync(HttpClient client, string code) =>
        (await client.GetOkAsync("api/register")).GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("risk").GetProperty("code").GetString() == code);

    /// <summary>The register's CSV export as sent, its lines, and the Derna dams' row the tests change.</summary>
    private static async Task<(string Csv, List<string> Lines, string Derna)> ExportAsync(HttpClient admin)
    {
        var csv = await admin.GetStringAsync(new Uri("api/register/export", UriKind.Relative));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        return (csv, lines, lines.Single(l => l.StartsWith("flood-derna-dams,", StringComparison.Ordinal)));
    }

    private static async Task<long> HeadAsync(HubHost hub) => await hub.Services.GetRequiredService<IEventLog>().HeadPositionAsync(default);

    private static async Task<JsonElement> ImportAsync(HttpClient client, string csv)
    {
        using var response = await client.PostAsync(new Uri("api/register/import?reason=annual-review", UriKind.Relative), new StringContent(csv, Encoding.UTF8, "text/csv"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Errors)> ImportBytesAsync(HttpClient client, byte[] csv, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/register/import?reason=annual-review") { Content = new ByteArrayContent(csv) };
        request.Content.Headers.ContentType = new("text/csv");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? default : JsonDocument.Parse(text).RootElement.GetProperty("errors").Clone());
    }
}
