using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// The routing rules live in the log: each change a whole version with who and why, the latest in force at once,
/// every version in the history; bad rules are refused naming each; nobody is left unalerted by a gap in them.
/// </summary>
[TestFixture]
public sealed class RoutingRulesApiTests
{
    private const string HeatSouth = """{"id":"heat-south","description":"Heat in the south","hazards":["Heatwave"],"minimumSeverity":"Minor","districts":["sabha"],"agencies":["ambulance"]}""";

    [Test]
    public async Task A_change_is_a_new_version_in_the_log_that_routes_the_next_report_and_the_history_shows_what_changed()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        using var duty = await hub.ClientForAsync("duty.operator");
        var first = await admin.GetOkAsync("api/admin/routing-rules");

        var rules = first.GetProperty("rules").EnumerateArray().Select(r => JsonNode.Parse(r.GetRawText())!).ToList();
        rules.RemoveAll(r => (string?)r["id"] == "weather-and-environment");
        rules.Insert(0, JsonNode.Parse(HeatSouth)!);
        var saved = await admin.PutOkAsync("api/admin/routing-rules", new { rules, reason = "موجات الحر في الجنوب للإسعاف", expectedVersion = 1 });
        var heat = (await duty.PostOkAsync("api/incidents", new { hazard = "Heatwave", severity = "Severe", title = "موجة حر في سبها", district = "sabha" })).GetProperty("incidentId").GetGuid();

        var entries = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(heat, default);
        var history = await admin.GetOkAsync("api/admin/routing-rules/history");
        var stream = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(SystemStreams.Routing, default);
        var latest = history[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("version").GetInt32(), Is.EqualTo(1), "the first start imported the sample rules as version 1");
            Assert.That(first.GetProperty("changedBy").GetString(), Is.EqualTo("seed"));
            Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(entries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>()).Select(a => (a.Agency, a.RuleId)),
                Is.EqualTo(new[] { ("ambulance", "heat-south") }), "the next report is routed by the new version");
            Assert.That(stream.Select(e => e.DataAs<RoutingRulesChanged>().Version), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(stream[^1].Metadata.Actor, Is.EqualTo("admin"));
            Assert.That(history.GetArrayLength(), Is.EqualTo(2));
            Assert.That(latest.GetProperty("number").GetInt32(), Is.EqualTo(2));
            Assert.That(latest.GetProperty("by").GetString(), Is.EqualTo("admin"));
            Assert.That(latest.GetProperty("reason").GetString(), Is.EqualTo("موجات الحر في الجنوب للإسعاف"));
            Assert.That(latest.GetProperty("added").EnumerateArray().Select(x => x.GetString()), Is.EqualTo(new[] { "heat-south" }));
            Assert.That(latest.GetProperty("removed").EnumerateArray().Select(x => x.GetString()), Is.EqualTo(new[] { "weather-and-environment" }));
            Assert.That(latest.GetProperty("changed").EnumerateArray().Select(x => x.GetString()), Is.Not.Empty, "every kept rule moved down one place");
        });
    }

    [Test]
    public async Task A_change_sent_to_a_hub_that_has_not_yet_read_the_latest_version_is_judged_by_the_log()
    {
        // Two hubs on one database, each with a bus of its own: the second hears of the first's change only at its next
        // re-read, as a hub behind the balancer may for a moment. The administrator read version 2 through the first.
        using var data = new TempDirectory();
        await using var first = await HubHost.StartAsync(data.Path);
        await using var second = await HubHost.StartAsync(data.Path);
        using var onFirst = await first.ClientForAsync("admin");
        using var onSecond = await second.ClientForAsync("admin");
        await onFirst.PutOkAsync("api/admin/routing-rules", new { rules = new[] { JsonNode.Parse(HeatSouth) }, reason = "الحر فقط", expectedVersion = 1 });

        var saved = await onSecond.PutOkAsync("api/admin/routing-rules", new { rules = new[] { JsonNode.Parse(HeatSouth) }, reason = "كما هي", expectedVersion = 2 });
        using var stale = await onSecond.PutAsJsonAsync("api/admin/routing-rules", new { rules = new[] { JsonNode.Parse(HeatSouth) }, reason = "من نسخة قديمة", expectedVersion = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(saved.GetProperty("version").GetInt32(), Is.EqualTo(3), "version 2 is in the log, whatever this hub held");
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "made from a version since replaced");
        });
    }

    [Test]
    public async Task A_hub_restarted_on_the_same_log_routes_by_the_latest_version_from_its_first_report()
    {
        using var data = new TempDirectory();
        await using (var first = await HubHost.StartAsync(data.Path))
        {
            using var admin = await first.ClientForAsync("admin");
            await admin.PutOkAsync("api/admin/routing-rules", new { rules = new[] { JsonNode.Parse(HeatSouth) }, reason = "الحر فقط" });
        }

        await using var second = await HubHost.StartAsync(data.Path);
        using var duty = await second.ClientForAsync("duty.operator");
        var preview = await duty.PostOkAsync("api/routing/preview", new { hazard = "Heatwave", severity = "Severe", district = "sabha" });
        Assert.Multiple(() =>
        {
            Assert.That(preview.GetProperty("rulesVersion").GetInt32(), Is.EqualTo(2));
            Assert.That(preview.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("ruleId").GetString()), Is.EqualTo(new[] { "heat-south" }));
        });
    }

    [Test]
    public async Task Bad_rules_are_refused_naming_each_rule_and_field_and_nothing_changes()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        var bad = new
        {
            rules = new object[]
            {
                new { id = "dup", hazards = new[] { "Flood" }, minimumSeverity = "Minor", districts = new[] { "atlantis" }, agencies = new[] { "nasa" } },
                new { id = "dup", hazards = Array.Empty<string>(), minimumSeverity = "Minor", districts = Array.Empty<string>(), agencies = Array.Empty<string>() },
            },
            reason = "تجربة",
        };

        using var refused = await admin.PutAsJsonAsync("api/admin/routing-rules", bad);
        using var noReason = await admin.PutAsJsonAsync("api/admin/routing-rules", new { rules = Array.Empty<object>() });
        using var unknownHazard = await admin.PutAsync(new Uri("api/admin/routing-rules", UriKind.Relative), JsonContent.Create(JsonNode.Parse(
            """{"rules":[{"id":"x","hazards":["Tsunami!"],"minimumSeverity":"Minor","districts":[],"agencies":["ncem"]}],"reason":"r"}""")));
        using var stale = await admin.PutAsJsonAsync("api/admin/routing-rules", new { rules = new[] { JsonNode.Parse(HeatSouth) }, reason = "متأخر", expectedVersion = 0 });
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var after = await admin.GetOkAsync("api/admin/routing-rules");

        Assert.Multiple(async () =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[] { "rules[0].districts", "rules[0].agencies", "rules[1].id", "rules[1].agencies" }));
            Assert.That(errors.GetProperty("rules[0].districts")[0].GetString(), Does.Contain("atlantis"));
            Assert.That(errors.GetProperty("rules[1].id")[0].GetString(), Does.Contain("'dup'"));
            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noReason.Content.ReadAsStringAsync(), Does.Contain("Reason is required"));
            Assert.That(unknownHazard.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "made from a version since replaced");
            Assert.That(await stale.Content.ReadAsStringAsync(), Does.Contain("The routing rules changed since you read them"));
            Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(1), "nothing was saved");
        });
    }

    [Test]
    public async Task A_preview_says_who_a_report_would_alert_by_the_rules_in_force_or_proposed_ones_and_names_the_fallback()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var liaison = await hub.ClientForAsync("liaison.ncem");

        var flood = await duty.PostOkAsync("api/routing/preview", new { hazard = "Flood", severity = "Extreme", district = "derna" });
        var proposed = await duty.PostOkAsync("api/routing/preview", new { hazard = "Heatwave", severity = "Severe", district = "sabha", rules = new[] { JsonNode.Parse(HeatSouth) } });
        var nothing = await duty.PostOkAsync("api/routing/preview", new { hazard = "Flood", severity = "Minor", district = "ghat" });
        var restricted = await duty.PostOkAsync("api/routing/preview", new { hazard = "Flood", severity = "Extreme", district = "derna", classification = "Restricted", clearedAgencies = new[] { "security-derna" } });
        using var forbidden = await liaison.PostAsJsonAsync("api/routing/preview", new { hazard = "Flood", severity = "Extreme", district = "derna" });

        static string[] Agencies(JsonElement preview) => [.. preview.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agency").GetString()!)];
        Assert.Multiple(() =>
        {
            Assert.That(Agencies(flood), Is.EquivalentTo(new[] { "ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna" }));
            Assert.That(flood.GetProperty("rulesVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(flood.GetProperty("agencies")[0].GetProperty("nameAr").GetString(), Is.Not.Empty);
            Assert.That(Agencies(proposed), Is.EqualTo(new[] { "ambulance" }));
            Assert.That(proposed.GetProperty("rulesVersion").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Agencies(nothing), Is.EqualTo(new[] { "ncem" }));
            Assert.That(nothing.GetProperty("fallback").GetBoolean(), Is.True);
            Assert.That(Agencies(restricted), Is.EqualTo(new[] { "security-derna" }));
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task An_incident_that_matches_no_rule_alerts_the_fallback_agency_instead_of_nobody()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");

        var report = await duty.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Minor", title = "بلاغ لا تغطيه القواعد", district = "ghat" });
        await ncem.WaitForAlertsAsync();

        var entries = await hub.Services.GetRequiredService<IEventLog>().ReadIncidentAsync(report.GetProperty("incidentId").GetGuid(), default);
        Assert.That(entries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>()).Select(a => (a.Agency, a.RuleId)),
            Is.EqualTo(new[] { ("ncem", "fallback") }));
    }

    public sealed record BadRule(string Name, string Field, string English, string Arabic, Action<JsonObject> Change)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<BadRule> BadRules() =>
    [
        new("hidden characters in the description", "rules[0].description", "rules[0].description contains a hidden character (U+202E", "يحتوي على رمز مخفي (U+202E",
            r => r["description"] = "a\u202eb\u200b"),
        new("a 100,000-character description", "rules[0].description", "rules[0].description must be 500 characters or fewer", "وصف القاعدة: 500 حرفاً كحد أقصى",
            r => r["description"] = new string('x', 100_000)),
        new("an id that is not a code", "rules[0].id", "3 to 60 lower-case letters, digits or hyphens", "يجب أن يتكوّن معرّف القاعدة من 3 إلى 60",
            r => r["id"] = "Bad Id! <b>"),
        new("the duty office as an agency to alert", "rules[0].agencies", "'moi-duty' is the duty office", "'moi-duty' هي مكتب المناوبة",
            r => r["agencies"] = new JsonArray("ambulance", "moi-duty")),
    ];

    [TestCaseSource(nameof(BadRules))]
    public async Task A_bad_rule_is_refused_naming_its_field_in_the_callers_language_and_neither_saved_nor_previewed(BadRule bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        var log = hub.Services.GetRequiredService<IEventLog>();
        var rule = JsonNode.Parse(HeatSouth)!.AsObject();
        bad.Change(rule);
        var head = await log.HeadPositionAsync(default);

        foreach (var (language, says) in new[] { ("en", bad.English), ("ar", bad.Arabic) })
        {
            var (status, errors) = await SendAsync(admin, HttpMethod.Put, "api/admin/routing-rules", new JsonObject { ["rules"] = new JsonArray(rule.DeepClone()), ["reason"] = "تجربة" }, language);
            var (previewStatus, previewErrors) = await SendAsync(admin, HttpMethod.Post, "api/routing/preview",
                new JsonObject { ["hazard"] = "Heatwave", ["severity"] = "Severe", ["district"] = "sabha", ["rules"] = new JsonArray(rule.DeepClone()) }, language);
            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), language);
                Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { bad.Field }), language);
                Assert.That(errors.GetProperty(bad.Field)[0].GetString(), Does.Contain(says), language);
                Assert.That(previewStatus, Is.EqualTo(HttpStatusCode.BadRequest), "the preview checks a proposed set alike");
                Assert.That(previewErrors.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { bad.Field }));
            });
        }

        var stream = await log.ReadIncidentAsync(SystemStreams.Routing, default);
        Assert.Multiple(async () =>
        {
            Assert.That(await log.HeadPositionAsync(default), Is.EqualTo(head), "nothing written");
            Assert.That(stream.Count(e => e.Type == EventTypes.RoutingRulesChanged), Is.EqualTo(1), "only the first start's version");
        });
    }

    [Test]
    public async Task A_rule_without_hazards_empty_or_null_covers_every_hazard_and_is_saved_with_an_empty_list()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var admin = await hub.ClientForAsync("admin");
        using var duty = await hub.ClientForAsync("duty.operator");
        var anyHazard = JsonNode.Parse("""{"id":"sabha-any","hazards":null,"minimumSeverity":"Minor","districts":["sabha"],"agencies":["ambulance"]}""");
        var emptyHazards = JsonNode.Parse("""{"id":"ghat-any","hazards":[],"minimumSeverity":"Minor","districts":["ghat"],"agencies":["red-crescent"]}""");

        await admin.PutOkAsync("api/admin/routing-rules", new { rules = new[] { anyHazard, emptyHazards }, reason = "كل المخاطر في سبها وغات" });
        var saved = await admin.GetOkAsync("api/admin/routing-rules");
        var epidemic = await duty.PostOkAsync("api/routing/preview", new { hazard = "Epidemic", severity = "Minor", district = "sabha" });
        var fire = await duty.PostOkAsync("api/routing/preview", new { hazard = "Wildfire", severity = "Minor", district = "ghat" });

        Assert.Multiple(() =>
        {
            Assert.That(saved.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("hazards").GetArrayLength()), Is.EqualTo(new[] { 0, 0 }));
            Assert.That(epidemic.GetProperty("agencies").EnumerateArray().Select(a => (a.GetProperty("agency").GetString(), a.GetProperty("ruleId").GetString())),
                Is.EqualTo(new[] { ("ambulance", "sabha-any") }));
            Assert.That(fire.GetProperty("agencies").EnumerateArray().Select(a => (a.GetProperty("agency").GetString(), a.GetProperty("ruleId").GetString())),
                Is.EqualTo(new[] { ("red-crescent", "ghat-any") }));
        });
    }

    [Test]
    public async Task A_preview_refuses_the_duty_office_as_a_cleared_agency()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        var (status, errors) = await SendAsync(duty, HttpMethod.Post, "api/routing/preview",
            new JsonObject { ["hazard"] = "Flood", ["severity"] = "Extreme", ["district"] = "derna", ["classification"] = "Restricted", ["clearedAgencies"] = new JsonArray("moi-duty") }, "ar");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.EnumerateObject().Single().Value[0].GetString(), Does.Contain("'moi-duty' هي مكتب المناوبة"));
        });
    }

    [Test]
    public void The_first_start_refuses_a_rules_file_whose_description_hides_characters()
    {
        using var data = new TempDirectory();
        File.WriteAllText(Path.Combine(data.Path, "routing-rules.json"),
            """{"rules":[{"id":"heat-south","description":"a\u202eb","hazards":["Heatwave"],"minimumSeverity":"Minor","districts":["sabha"],"agencies":["ambulance"]}]}""");
        var error = Assert.CatchAsync(async () => await (await HubHost.StartAsync(data.Path)).DisposeAsync());
        Assert.That(Flatten(error), Has.Some.Contains("rules[0].description contains a hidden character (U+202E"));
    }

    private static IEnumerable<string> Flatten(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error.Message;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Errors)> SendAsync(HttpClient client, HttpMethod method, string path, JsonNode body, string language)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        return (response.StatusCode, problem.TryGetProperty("errors", out var errors) ? errors.Clone() : default);
    }
}
