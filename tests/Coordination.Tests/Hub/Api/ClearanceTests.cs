using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Tests.Hub.Api;

/// <summary>
/// A restricted incident's clearance changed after its report: a granted agency's liaison is alerted live and then
/// receives the incident's entries; a revoked agency's liaison receives nothing more of it, live or in catch-up, and
/// no longer finds it; bad changes are refused naming the field, in the caller's language, with nothing written.
/// </summary>
[TestFixture]
public sealed class ClearanceTests
{
    private static object Restricted(params string[] cleared) => new
    {
        hazard = "SecurityIncident", severity = "Severe", title = "تهديد لمنشأة نفطية في راس لانوف", district = "wahat",
        classification = "Restricted", clearedAgencies = cleared,
    };

    [Test]
    public async Task A_granted_agency_is_alerted_live_and_then_receives_the_incidents_entries()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var ambulanceApi = await hub.ClientForAsync("liaison.ambulance");
        await using var ambulance = await hub.ConnectAsync("liaison.ambulance");
        await using var commander = await hub.ConnectAsync("commander");
        var incident = (await duty.PostOkAsync("api/incidents", Restricted("ncem"))).GetProperty("incidentId").GetGuid();
        Assert.That((await ambulanceApi.GetAsync(new Uri($"api/incidents/{incident}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not cleared yet");

        var changed = await duty.PostOkAsync($"api/incidents/{incident}/clearance", new { grant = new[] { "ambulance" }, reason = "إصابات في الموقع تحتاج الإسعاف" });

        var alert = await ambulance.WaitForAsync(e => e.IncidentId == incident && e.Type == EventTypes.AgencyAlerted, TimeSpan.FromSeconds(20));
        var change = await commander.WaitForAsync(e => e.IncidentId == incident && e.Type == EventTypes.ClearanceChanged, TimeSpan.FromSeconds(20));
        await duty.PostOkAsync($"api/incidents/{incident}/updates", new { text = "طوق أمني حول الخزانات" });
        var update = await ambulance.WaitForAsync(e => e.IncidentId == incident && e.Type == EventTypes.IncidentUpdated, TimeSpan.FromSeconds(20));
        var details = await ambulanceApi.GetOkAsync($"api/incidents/{incident}");
        var inbox = await ambulanceApi.GetOkAsync("api/alerts");
        Assert.Multiple(() =>
        {
            Assert.That(alert.DataAs<AgencyAlerted>().Agency, Is.EqualTo("ambulance"));
            Assert.That(alert.DataAs<AgencyAlerted>().RuleId, Is.EqualTo("restricted-clearance"));
            Assert.That(alert.DataAs<AgencyAlerted>().AcknowledgeBy, Is.GreaterThan(alert.DataAs<AgencyAlerted>().AlertedAt), "a deadline, so it escalates like any alert");
            Assert.That(change.DataAs<ClearanceChanged>().ClearedAgencies, Is.EqualTo(new[] { "ncem", "ambulance" }));
            Assert.That(change.DataAs<ClearanceChanged>().Granted, Is.EqualTo(new[] { "ambulance" }));
            Assert.That(change.DataAs<ClearanceChanged>().ChangedBy, Is.EqualTo("duty.operator"));
            Assert.That(change.DataAs<ClearanceChanged>().Reason, Is.EqualTo("إصابات في الموقع تحتاج الإسعاف"));
            Assert.That(changed.GetProperty("version").GetInt32(), Is.EqualTo(alert.Version), "the answer counts the alert appended with the change");
            Assert.That(ambulance.Applied.Where(e => e.IncidentId == incident).Select(e => e.Type), Is.EqualTo(new[] { EventTypes.AgencyAlerted, EventTypes.IncidentUpdated }),
                "the new agency sees the incident from its alert on");
            Assert.That(update.Position, Is.GreaterThan(alert.Position));
            Assert.That(details.GetProperty("incident").GetProperty("clearedAgencies").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "ncem", "ambulance" }));
            Assert.That(inbox.EnumerateArray().Select(a => a.GetProperty("incidentId").GetGuid()), Does.Contain(incident));
        });
    }

    [Test]
    public async Task A_revoked_agency_receives_nothing_more_of_the_incident_and_no_longer_finds_it()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var civilDefenceApi = await hub.ClientForAsync("liaison.civil-defence");
        await using var civilDefence = await hub.ConnectAsync("liaison.civil-defence");
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        var incident = (await duty.PostOkAsync("api/incidents", Restricted("ncem", "civil-defence"))).GetProperty("incidentId").GetGuid();
        await duty.PostOkAsync($"api/incidents/{incident}/updates", new { text = "قبل السحب" });
        await civilDefence.WaitForAsync(e => e.IncidentId == incident && e.Type == EventTypes.IncidentUpdated, TimeSpan.FromSeconds(20));

        var revoke = (await duty.PostOkAsync($"api/incidents/{incident}/clearance", new { revoke = new[] { "civil-defence" }, reason = "لم تعد الجهة معنية" }))
            .GetProperty("position").GetInt64();
        await duty.PostOkAsync($"api/incidents/{incident}/updates", new { text = "بعد السحب: سري" });
        await ncem.WaitForAsync(e => e.IncidentId == incident && e.Type == EventTypes.IncidentUpdated && e.Position > revoke, TimeSpan.FromSeconds(20));
        // A later entry civil defence must receive: once it is here, anything of the incident before it would be too.
        var flood = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await civilDefence.WaitForAsync(e => e.IncidentId == flood && e.Type == EventTypes.AgencyAlerted, TimeSpan.FromSeconds(20));

        var caughtUp = await civilDefenceApi.ReadLogAsync();
        using var details = await civilDefenceApi.GetAsync(new Uri($"api/incidents/{incident}", UriKind.Relative));
        using var tasks = await civilDefenceApi.GetAsync(new Uri($"api/incidents/{incident}/tasks", UriKind.Relative));
        var board = (await civilDefenceApi.GetOkAsync("api/incidents")).EnumerateArray().Select(i => i.GetProperty("incidentId").GetGuid()).ToArray();
        var inbox = (await civilDefenceApi.GetOkAsync("api/alerts")).EnumerateArray().Select(a => a.GetProperty("incidentId").GetGuid()).ToArray();
        using var update = await civilDefenceApi.PostAsJsonAsync($"api/incidents/{incident}/updates", new { text = "هل ما زلنا معنيين؟" });
        Assert.Multiple(() =>
        {
            Assert.That(civilDefence.Received.Where(e => e.IncidentId == incident && e.Position >= revoke), Is.Empty, "nothing of the incident was pushed from the revoke on");
            Assert.That(civilDefence.Applied.Where(e => e.IncidentId == incident && e.Position >= revoke), Is.Empty, "nor caught up");
            Assert.That(caughtUp.Where(e => e.IncidentId == incident && e.Position >= revoke), Is.Empty, "catch-up from the start omits it from the revoke on");
            Assert.That(caughtUp.Where(e => e.IncidentId == incident).Select(e => e.Type), Does.Contain(EventTypes.IncidentUpdated), "what it was given before stays given");
            Assert.That(details.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(tasks.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(board, Does.Not.Contain(incident).And.Contain(flood));
            Assert.That(inbox, Does.Not.Contain(incident).And.Contain(flood));
            Assert.That(ncem.Applied.Where(e => e.IncidentId == incident).Select(e => e.Type), Does.Contain(EventTypes.ClearanceChanged), "the agencies still cleared see the change");
        });
    }

    [Test]
    public async Task An_agency_cleared_again_is_alerted_again_and_sees_the_incident_from_its_new_alert()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var civilDefenceApi = await hub.ClientForAsync("liaison.civil-defence");
        var incident = (await duty.PostOkAsync("api/incidents", Restricted("ncem", "civil-defence"))).GetProperty("incidentId").GetGuid();
        await duty.PostOkAsync($"api/incidents/{incident}/clearance", new { revoke = new[] { "civil-defence" }, reason = "مؤقتاً" });
        await duty.PostOkAsync($"api/incidents/{incident}/updates", new { text = "أثناء السحب" });
        var again = (await duty.PostOkAsync($"api/incidents/{incident}/clearance", new { grant = new[] { "civil-defence" }, reason = "عادت معنية" })).GetProperty("position").GetInt64();

        var mine = (await civilDefenceApi.ReadLogAsync()).Where(e => e.IncidentId == incident).ToArray();
        var alerts = (await civilDefenceApi.GetOkAsync("api/alerts")).EnumerateArray().Where(a => a.GetProperty("incidentId").GetGuid() == incident).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(mine.Select(e => e.Type), Is.EqualTo(new[] { EventTypes.AgencyAlerted }), "only the new alert: nothing logged while it was revoked");
            Assert.That(mine[0].Position, Is.EqualTo(again));
            Assert.That(alerts, Has.Length.EqualTo(1));
            Assert.That(alerts[0].GetProperty("acknowledgedAt").ValueKind, Is.EqualTo(JsonValueKind.Null), "a new alert, to acknowledge again");
        });
        await civilDefenceApi.PostOkAsync($"api/incidents/{incident}/acknowledge", new { note = "عدنا" });
    }

    [Test]
    public async Task A_change_sent_again_with_its_event_id_is_stored_once()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        var incident = (await duty.PostOkAsync("api/incidents", Restricted("ncem"))).GetProperty("incidentId").GetGuid();
        var change = new { eventId = Guid.CreateVersion7(), grant = new[] { "red-crescent" }, reason = "إيواء" };

        var first = await duty.PostOkAsync($"api/incidents/{incident}/clearance", change);
        var second = await duty.PostOkAsync($"api/incidents/{incident}/clearance", change);

        var entries = (await commander.ReadLogAsync()).Where(e => e.IncidentId == incident).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(second.GetProperty("wasDuplicate").GetBoolean(), Is.True);
            Assert.That(second.GetProperty("position").GetInt64(), Is.EqualTo(first.GetProperty("position").GetInt64()));
            Assert.That(entries.Count(e => e.Type == EventTypes.ClearanceChanged), Is.EqualTo(1));
            Assert.That(entries.Count(e => e.Type == EventTypes.AgencyAlerted && e.DataAs<AgencyAlerted>().Agency == "red-crescent"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_administrator_lists_restricted_incidents_without_their_text_and_changes_a_clearance_through_the_admin_api()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        using var admin = await hub.ClientForAsync("admin");
        await using var ambulance = await hub.ConnectAsync("liaison.ambulance");
        var incident = (await duty.PostOkAsync("api/incidents", Restricted("ncem"))).GetProperty("incidentId").GetGuid();
        var open = (await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();

        var listed = await admin.GetOkAsync("api/admin/clearances");
        var row = listed.EnumerateArray().Single(r => r.GetProperty("incidentId").GetGuid() == incident);
        await admin.PostOkAsync($"api/admin/clearances/{incident}", new { grant = new[] { "ambulance" }, reason = "طلب من غرفة العمليات", expectedVersion = row.GetProperty("version").GetInt32() });
        var alert = await ambulance.WaitForAsync(e => e.IncidentId == incident && e.Type == EventTypes.AgencyAlerted, TimeSpan.FromSeconds(20));
        var after = (await admin.GetOkAsync("api/admin/clearances")).EnumerateArray().Single(r => r.GetProperty("incidentId").GetGuid() == incident);
        Assert.Multiple(() =>
        {
            Assert.That(listed.EnumerateArray().Select(r => r.GetProperty("incidentId").GetGuid()), Does.Not.Contain(open), "public incidents have no clearance");
            Assert.That(listed.GetRawText(), Does.Not.Contain("تهديد لمنشأة نفطية"), "no incident text for administrators");
            Assert.That(row.TryGetProperty("title", out _) || row.TryGetProperty("description", out _), Is.False);
            Assert.That(row.GetProperty("reference").GetString(), Does.StartWith("INC-"));
            Assert.That(row.GetProperty("hazard").GetString(), Is.EqualTo("SecurityIncident"));
            Assert.That(row.GetProperty("district").GetString(), Is.EqualTo("wahat"));
            Assert.That(row.GetProperty("clearedAgencies").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "ncem" }));
            Assert.That(after.GetProperty("clearedAgencies").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "ncem", "ambulance" }));
            Assert.That(alert.Metadata.Actor, Is.EqualTo("admin"));
        });
    }

    [Test]
    public async Task The_hub_method_changes_a_clearance_as_REST_does_and_refuses_a_liaison()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var duty = await hub.ClientForAsync("duty.operator");
        await using var operatorLive = await hub.ConnectAsync("duty.operator");
        await using var ncem = await hub.ConnectAsync("liaison.ncem");
        var incident = (await duty.PostOkAsync("api/incidents", Restricted("ncem"))).GetProperty("incidentId").GetGuid();

        var answer = await operatorLive.Connection.InvokeAsync<CommandResponse>("ChangeClearance", incident, new ChangeClearanceRequest(null, ["coast-guard"], null, "قارب في الميناء", null));
        var refused = Assert.ThrowsAsync<HubException>(() => ncem.Connection.InvokeAsync<CommandResponse>("ChangeClearance", incident, new ChangeClearanceRequest(null, ["ambulance"], null, "x", null)));
        Assert.Multiple(() =>
        {
            Assert.That(answer.WasDuplicate, Is.False);
            Assert.That(CoordinationException.FromHub(refused!)?.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    public sealed record BadChange(string Name, string User, string Target, string Body, HttpStatusCode Status, string Field, string English, string Arabic)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<BadChange> BadChanges() =>
    [
        new("unknown agency", "duty.operator", "restricted", """{"grant":["cia"],"reason":"x"}""", HttpStatusCode.BadRequest, "grant[0]", "Agency 'cia' is not known", "الجهة 'cia' غير معروفة"),
        new("the duty office, which no liaison answers for", "duty.operator", "restricted", """{"grant":["moi-duty"],"reason":"x"}""", HttpStatusCode.BadRequest, "grant[0]", "'moi-duty' is the duty office", "'moi-duty' هي مكتب المناوبة"),
        new("empty reason", "duty.operator", "restricted", """{"grant":["ambulance"],"reason":""}""", HttpStatusCode.BadRequest, "reason", "Reason is required", "السبب مطلوب"),
        new("no reason", "duty.operator", "restricted", """{"grant":["ambulance"]}""", HttpStatusCode.BadRequest, "reason", "Reason is required", "السبب مطلوب"),
        new("hostile reason", "duty.operator", "restricted", """{"grant":["ambulance"],"reason":"safe \u202Eevil"}""", HttpStatusCode.BadRequest, "reason", "U+202E", "U+202E"),
        new("no agency at all", "duty.operator", "restricted", """{"reason":"x"}""", HttpStatusCode.BadRequest, "grant", "at least one agency", "جهة واحدة على الأقل"),
        new("granted and revoked at once", "duty.operator", "restricted", """{"grant":["ambulance"],"revoke":["ambulance"],"reason":"x"}""", HttpStatusCode.BadRequest, "revoke[0]", "both granted and revoked", "وسحبه منها معاً"),
        new("revoking every cleared agency", "duty.operator", "restricted", """{"revoke":["ncem"],"reason":"x"}""", HttpStatusCode.BadRequest, "revoke", "At least one agency must stay cleared", "جهة مخوّلة واحدة على الأقل"),
        new("granting an agency already cleared", "duty.operator", "restricted", """{"grant":["ncem"],"reason":"x"}""", HttpStatusCode.BadRequest, "grant", "already cleared", "مخوّلة بالبلاغ من قبل"),
        new("revoking an agency not cleared", "duty.operator", "restricted", """{"revoke":["ambulance"],"reason":"x"}""", HttpStatusCode.BadRequest, "revoke", "is not cleared", "ليست مخوّلة"),
        new("grant as a string, not a list", "duty.operator", "restricted", """{"grant":"ambulance","reason":"x"}""", HttpStatusCode.BadRequest, "$.grant", "$.grant", "$.grant"),
        new("a misspelt field", "duty.operator", "restricted", """{"grants":["ambulance"],"reason":"x"}""", HttpStatusCode.BadRequest, "$.grants", "grants", "grants"),
        new("a public incident", "duty.operator", "public", """{"grant":["ambulance"],"reason":"x"}""", HttpStatusCode.Conflict, "", "no clearance to change", "ليست له جهات مخوّلة"),
        new("a public incident through the admin API", "admin", "public-admin", """{"grant":["ambulance"],"reason":"x"}""", HttpStatusCode.Conflict, "", "no clearance to change", "ليست له جهات مخوّلة"),
        new("an unknown incident", "duty.operator", "unknown", """{"grant":["ambulance"],"reason":"x"}""", HttpStatusCode.NotFound, "", "no incident", "لا يوجد بلاغ"),
        new("an unknown incident through the admin API", "admin", "unknown-admin", """{"grant":["ambulance"],"reason":"x"}""", HttpStatusCode.NotFound, "", "no incident", "لا يوجد بلاغ"),
        new("a liaison, even one cleared", "liaison.ncem", "restricted", """{"grant":["ambulance"],"reason":"x"}""", HttpStatusCode.Forbidden, "", "Only the duty office, commanders and administrators", "مكتب المناوبة والقادة والمسؤولون فقط"),
        new("a liaison listing clearances", "liaison.ncem", "list", "", HttpStatusCode.Forbidden, "", "Only the duty office, commanders and administrators", "مكتب المناوبة والقادة والمسؤولون فقط"),
        new("a stale version", "commander", "restricted", """{"grant":["ambulance"],"reason":"x","expectedVersion":1}""", HttpStatusCode.Conflict, "", "expected 1", "1"),
    ];

    private HubHost _hub = null!;
    private SignedInClients _clients = null!;
    private Guid _restricted;
    private Guid _public;

    [OneTimeSetUp]
    public async Task StartHubWithARestrictedAndAPublicIncident()
    {
        _hub = await HubHost.StartFreshAsync();
        _clients = await SignedInClients.ForAsync(_hub, ["duty.operator", "commander", "admin", "liaison.ncem"]);

        _restricted = (await _clients["duty.operator"].PostOkAsync("api/incidents", Restricted("ncem"))).GetProperty("incidentId").GetGuid();
        _public = (await _clients["duty.operator"].PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
    }

    [OneTimeTearDown]
    public async Task StopHub()
    {
        _clients.Dispose();
        await _hub.DisposeAsync();
    }

    [TestCaseSource(nameof(BadChanges))]
    public async Task A_bad_change_is_refused_naming_the_field_in_the_callers_language_and_nothing_is_written(BadChange bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        foreach (var (language, says) in new[] { ("en", bad.English), ("ar", bad.Arabic) })
        {
            var before = await HeadAsync();
            var path = bad.Target switch
            {
                "restricted" => $"api/incidents/{_restricted}/clearance",
                "public" => $"api/incidents/{_public}/clearance",
                "public-admin" => $"api/admin/clearances/{_public}",
                "unknown" => $"api/incidents/{Guid.CreateVersion7()}/clearance",
                "unknown-admin" => $"api/admin/clearances/{Guid.CreateVersion7()}",
                _ => "api/admin/clearances",
            };
            using var request = new HttpRequestMessage(bad.Target == "list" ? HttpMethod.Get : HttpMethod.Post, new Uri(path, UriKind.Relative));
            if (bad.Target != "list")
            {
                request.Content = new StringContent(bad.Body, System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }

            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            using var response = await _clients[bad.User].SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            using var problem = JsonDocument.Parse(text);
            Assert.Multiple(async () =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(bad.Status), text);
                Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(says), $"{language}: {text}");
                if (bad.Field.Length > 0)
                {
                    Assert.That(problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Does.Contain(bad.Field), text);
                }

                Assert.That(await HeadAsync(), Is.EqualTo(before), "nothing was written");
            });
        }
    }

    private async Task<long> HeadAsync() =>
        (await _clients["commander"].GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();
}
