using System.Net;
using Coordination.Agencies.Client;
using System.Net.Http.Json;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Incidents;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.EndToEnd;

/// <summary>What the duty office and liaisons notice about commands beyond the main path.</summary>
[TestFixture]
public sealed class CommandBehaviourTests
{
    private TempDirectory _data = null!;
    private HubHost _hub = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _data = new TempDirectory();
        _hub = await HubHost.StartAsync(_data.Path);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _hub.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task A_report_sent_twice_with_the_same_key_is_stored_once()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        var key = Guid.NewGuid();
        var body = new { eventId = key, hazard = "BuildingCollapse", severity = "Severe", title = "انهيار عمارة في بنغازي", district = "benghazi" };

        var first = await operatorApi.PostOkAsync("api/incidents", body);
        var again = await operatorApi.PostOkAsync("api/incidents", body);

        using var commander = await _hub.ClientForAsync("commander");
        var log = await commander.GetOkAsync("api/log?limit=1000");
        Assert.Multiple(() =>
        {
            Assert.That(again.GetProperty("incidentId").GetGuid(), Is.EqualTo(first.GetProperty("incidentId").GetGuid()));
            Assert.That(again.GetProperty("position").GetInt64(), Is.EqualTo(first.GetProperty("position").GetInt64()));
            Assert.That(again.GetProperty("wasDuplicate").GetBoolean(), Is.True);
            Assert.That(log.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("eventId").GetGuid() == key), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Optional_text_of_only_blanks_is_kept_as_none_and_other_text_without_the_blanks_around_it()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        using var ncemApi = await _hub.ClientForAsync("liaison.ncem");
        var id = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "Flood", severity = "Severe", title = "فيضان في درنة", district = "derna", description = "  \n\t ", municipality = "   ",
        })).GetProperty("incidentId").GetGuid();
        await ncemApi.PostOkAsync($"api/incidents/{id}/acknowledge", new { note = "    " });
        await operatorApi.PostOkAsync($"api/incidents/{id}/status", new { status = "Closed", reason = "  انحسرت المياه\n" });
        var entries = await _hub.Services.GetRequiredService<Coordination.Persistence.EventLog.IEventLog>().ReadIncidentAsync(id, default);
        var reported = entries[0].DataAs<Agencies.Contracts.Incidents.IncidentReported>();

        Assert.Multiple(() =>
        {
            Assert.That(reported.Description, Is.Null, "a description of blanks");
            Assert.That(reported.Location.Municipality, Is.Null, "a municipality of spaces");
            Assert.That(entries.Single(e => e.Type == EventTypes.AlertAcknowledged).DataAs<AlertAcknowledged>().Note, Is.Null, "a note of spaces");
            Assert.That(entries.Single(e => e.Type == EventTypes.IncidentStatusChanged).DataAs<Agencies.Contracts.Incidents.IncidentStatusChanged>().Reason,
                Is.EqualTo("انحسرت المياه"), "a reason without the blanks around it");
        });
    }

    [Test]
    public async Task An_armed_clash_in_Tripoli_reaches_security_and_ambulance_but_not_the_Red_Crescent()
    {
        await using var security = await _hub.ConnectAsync("liaison.security-tripoli");
        await using var ambulance = await _hub.ConnectAsync("liaison.ambulance");
        await using var redCrescent = await _hub.ConnectAsync("liaison.red-crescent");
        await using var operatorHub = await _hub.ConnectAsync("duty.operator");

        var reported = await operatorHub.Connection.InvokeAsync<ReportIncidentResponse>("ReportIncident", new ReportIncidentRequest(
            null, Agencies.Contracts.Reference.HazardType.ArmedClash, null, Agencies.Contracts.Reference.Severity.Severe, null, null,
            "اشتباكات مسلحة في طرابلس", null, "tripoli", "سوق الجمعة", null, null, null, null, null, null));

        await security.WaitUntilAsync(es => es.Any(e => e.IncidentId == reported.IncidentId && e.Type == EventTypes.AgencyAlerted));
        await ambulance.WaitUntilAsync(es => es.Any(e => e.IncidentId == reported.IncidentId && e.Type == EventTypes.AgencyAlerted));
        var alerted = (await operatorHub.WaitUntilAsync(es => es.Count(e => e.IncidentId == reported.IncidentId && e.Type == EventTypes.AgencyAlerted) == 2))
            .Where(e => e.IncidentId == reported.IncidentId && e.Type == EventTypes.AgencyAlerted)
            .Select(e => e.DataAs<AgencyAlerted>().Agency);
        // A later report the Red Crescent is alerted to: pushes to it go in log order, so the clash would have come first.
        var flood = await operatorHub.Connection.InvokeAsync<ReportIncidentResponse>("ReportIncident", new ReportIncidentRequest(
            null, Agencies.Contracts.Reference.HazardType.Flood, null, Agencies.Contracts.Reference.Severity.Severe, null, null,
            "فيضان في درنة", null, "derna", null, null, null, null, null, null, null));
        await redCrescent.WaitUntilAsync(es => es.Any(e => e.IncidentId == flood.IncidentId && e.Type == EventTypes.AgencyAlerted));
        Assert.Multiple(() =>
        {
            Assert.That(alerted, Is.EquivalentTo(new[] { "security-tripoli", "ambulance" }));
            Assert.That(redCrescent.Received.Where(e => e.IncidentId == reported.IncidentId), Is.Empty);
        });
    }

    [Test]
    public async Task A_bad_hub_command_is_refused_with_the_reason_and_writes_nothing()
    {
        await using var operatorHub = await _hub.ConnectAsync("duty.operator");
        using var commander = await _hub.ClientForAsync("commander");
        var before = (await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();

        var refused = Assert.ThrowsAsync<HubException>(() => operatorHub.Connection.InvokeAsync<ReportIncidentResponse>("ReportIncident", new ReportIncidentRequest(
            null, null, null, null, null, null, "", null, "atlantis", null, null, null, null, null, null, null)));

        Assert.Multiple(async () =>
        {
            Assert.That(refused!.Message, Does.Contain("Hazard is required").And.Contain("Libya's districts"));
            Assert.That((await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_liaison_may_raise_an_incident_s_severity_but_only_the_duty_office_or_a_commander_lowers_it()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        using var commander = await _hub.ClientForAsync("commander");
        using var ncem = await _hub.ClientForAsync("liaison.ncem");
        var id = (await operatorApi.PostOkAsync("api/incidents", new { hazard = "Flood", severity = "Severe", title = "سيول في وادي درنة", district = "derna" })).GetProperty("incidentId").GetGuid();
        await ncem.WaitForAlertsAsync();

        await ncem.PostOkAsync($"api/incidents/{id}/updates", new { text = "المياه تغمر الجسر", severity = "Extreme" });
        var versionBefore = (await commander.GetOkAsync($"api/incidents/{id}")).GetProperty("incident").GetProperty("version").GetInt32();
        using var lowered = await ncem.PostAsJsonAsync($"api/incidents/{id}/updates", new { text = "انحسار", severity = "Minor" }, HubHost.Json);
        var afterRefusal = (await commander.GetOkAsync($"api/incidents/{id}")).GetProperty("incident");
        await operatorApi.PostOkAsync($"api/incidents/{id}/updates", new { text = "انحسرت المياه", severity = "Moderate" });
        var afterDutyOffice = (await commander.GetOkAsync($"api/incidents/{id}")).GetProperty("incident");

        Assert.Multiple(async () =>
        {
            Assert.That(lowered.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Forbidden));
            Assert.That(await lowered.Content.ReadAsStringAsync(), Does.Contain("lowering it to Minor is for the duty office or a commander"));
            Assert.That(afterRefusal.GetProperty("severity").GetString(), Is.EqualTo("Extreme"), "the agency raised it; its attempt to lower it changed nothing");
            Assert.That(afterRefusal.GetProperty("version").GetInt32(), Is.EqualTo(versionBefore));
            Assert.That(afterDutyOffice.GetProperty("severity").GetString(), Is.EqualTo("Moderate"));
        });
    }

    [Test]
    public async Task A_hub_refusal_carries_its_status_as_a_field_and_speaks_the_language_the_connection_asked_for()
    {
        var token = await _hub.SignInAsync("liaison.ncem");
        await using var arabic = new HubConnectionBuilder()
            .WithUrl(new Uri(_hub.BaseAddress, "hubs/coordination"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Headers["Accept-Language"] = "ar";
            })
            .AddJsonProtocol(o => Coordination.Agencies.Contracts.ContractJson.Apply(o.PayloadSerializerOptions))
            .Build();
        await arabic.StartAsync();

        var forbidden = Assert.ThrowsAsync<HubException>(() => arabic.InvokeAsync<ReportIncidentResponse>("ReportIncident", new ReportIncidentRequest(
            null, Coordination.Agencies.Contracts.Reference.HazardType.Flood, null, Coordination.Agencies.Contracts.Reference.Severity.Minor, null, null, "x", null, "derna", null, null, null, null, null, null, null)));
        var invalid = Assert.ThrowsAsync<HubException>(() => arabic.InvokeAsync<CatchUpResponse>("CatchUp", -1L, 10));
        // A hub call can send null where a REST route always has a value: named, not looked for as a task called "".
        var noTask = Assert.ThrowsAsync<HubException>(() => arabic.InvokeAsync<object>("AcknowledgeTask", Guid.NewGuid(), "flood-derna", null, new { }));

        var refusal = CoordinationException.FromHub(forbidden!);
        var fields = CoordinationException.FromHub(invalid!);
        Assert.Multiple(() =>
        {
            Assert.That(refusal?.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(refusal?.Title, Is.EqualTo("غير مسموح"));
            Assert.That(refusal?.Detail, Is.EqualTo("مكتب المناوبة والقادة فقط يبلّغون عن الحوادث."));
            Assert.That(fields?.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(fields?.Errors.Keys, Is.EqualTo(new[] { "after" }));
            Assert.That(fields?.Errors["after"].Single(), Does.StartWith("'after' يجب أن يكون 0"));
            Assert.That(CoordinationException.FromHub(noTask!)?.Errors.Keys, Is.EqualTo(new[] { "taskId" }));
        });
    }

    [Test]
    public async Task A_liaison_is_told_their_agency_s_own_head_not_the_log_s()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        using var commander = await _hub.ClientForAsync("commander");
        using var redCrescent = await _hub.ClientForAsync("liaison.red-crescent");
        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        await redCrescent.WaitForAlertsAsync();
        for (var i = 0; i < 3; i++)
        {
            await operatorApi.PostOkAsync("api/incidents", new { hazard = "ArmedClash", severity = "Severe", title = $"اشتباك {i}", district = "tripoli", classification = "Restricted", clearedAgencies = new[] { "security-tripoli" } });
        }

        var own = await redCrescent.GetOkAsync("api/log?after=0&limit=500");
        var everything = await commander.GetOkAsync("api/log?after=0&limit=1");
        var latestVisible = own.GetProperty("entries").EnumerateArray().Max(e => e.GetProperty("position").GetInt64());
        Assert.Multiple(() =>
        {
            Assert.That(own.GetProperty("headPosition").GetInt64(), Is.EqualTo(latestVisible), "the agency's head is its latest visible entry");
            Assert.That(own.GetProperty("nextAfter").GetInt64(), Is.EqualTo(latestVisible));
            Assert.That(everything.GetProperty("headPosition").GetInt64(), Is.GreaterThan(latestVisible), "the restricted clashes moved the log's head, which the liaison is not told");
        });
    }

    [Test]
    public async Task A_liaison_catching_up_sees_only_incidents_routed_to_their_agency()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var clash = (await operatorApi.PostOkAsync("api/incidents", new { hazard = "ArmedClash", severity = "Severe", title = "اشتباك", district = "tripoli" })).GetProperty("incidentId").GetGuid();
        using var redCrescent = await _hub.ClientForAsync("liaison.red-crescent");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await redCrescent.GetOkAsync("api/alerts")).EnumerateArray().All(a => a.GetProperty("incidentId").GetGuid() != flood))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline));
            await Task.Delay(50);
        }

        var page = await redCrescent.GetOkAsync("api/log?after=0&limit=1000");
        var incidents = page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("incidentId").GetGuid()).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(incidents, Does.Contain(flood));
            Assert.That(incidents, Does.Not.Contain(clash));
        });
        using var response = await redCrescent.GetAsync(new Uri($"api/incidents/{clash}", UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(404), "an incident not routed to the agency is not found for it");
    }

    [Test]
    public async Task A_restricted_incident_reaches_only_the_agencies_cleared_for_it()
    {
        await using var ncem = await _hub.ConnectAsync("liaison.ncem");
        await using var civilDefence = await _hub.ConnectAsync("liaison.civil-defence");
        await using var commander = await _hub.ConnectAsync("commander");
        using var operatorApi = await _hub.ClientForAsync("duty.operator");

        var id = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "Flood", severity = "Extreme", title = "تهديد لسد وادي القطارة", district = "benghazi",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetGuid();

        await ncem.WaitUntilAsync(es => es.Any(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted));
        var all = await commander.WaitUntilAsync(es => es.Any(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted));
        // A later report Civil Defence is alerted to: pushes to it go in log order, so the restricted one would have come first.
        var flood = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await civilDefence.WaitUntilAsync(es => es.Any(e => e.IncidentId == flood && e.Type == EventTypes.AgencyAlerted));
        using var civilDefenceApi = await _hub.ClientForAsync("liaison.civil-defence");
        var catchUp = await civilDefenceApi.GetOkAsync("api/log?after=0&limit=1000");
        Assert.Multiple(() =>
        {
            Assert.That(all.Where(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>().Agency), Is.EqualTo(new[] { "ncem" }));
            Assert.That(civilDefence.Received.Where(e => e.IncidentId == id), Is.Empty);
            Assert.That(catchUp.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("incidentId").GetGuid()), Does.Not.Contain(id));
        });
    }

    [Test]
    public async Task An_acknowledgement_retried_with_its_key_is_stored_once_and_a_second_one_is_a_conflict()
    {
        await using var ncem = await _hub.ConnectAsync("liaison.ncem");
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        var id = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await ncem.WaitUntilAsync(es => es.Any(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted && e.DataAs<AgencyAlerted>().Agency == "ncem"));

        var key = Guid.NewGuid();
        var first = await ncem.Connection.InvokeAsync<CommandResponse>("AcknowledgeAlert", id, new AcknowledgeAlertRequest(key, null, null));
        var retry = await ncem.Connection.InvokeAsync<CommandResponse>("AcknowledgeAlert", id, new AcknowledgeAlertRequest(key, null, null));
        var another = Assert.ThrowsAsync<HubException>(() => ncem.Connection.InvokeAsync<CommandResponse>("AcknowledgeAlert", id, new AcknowledgeAlertRequest(Guid.NewGuid(), null, null)));

        using var commander = await _hub.ClientForAsync("commander");
        var timeline = (await commander.GetOkAsync($"api/incidents/{id}")).GetProperty("timeline");
        Assert.Multiple(() =>
        {
            Assert.That((retry.Position, retry.WasDuplicate), Is.EqualTo((first.Position, true)));
            Assert.That(CoordinationException.FromHub(another!)?.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(CoordinationException.FromHub(another!)?.Detail, Does.Contain("already acknowledged"));
            Assert.That(timeline.EnumerateArray().Count(t => t.GetProperty("type").GetString() == EventTypes.AlertAcknowledged), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_key_already_used_on_another_incident_is_refused_and_writes_nothing_there()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        using var commander = await _hub.ClientForAsync("commander");
        var first = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var second = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان في سوسة"))).GetProperty("incidentId").GetGuid();
        var key = Guid.NewGuid();
        var update = new { eventId = key, text = "ارتفاع منسوب المياه في الحي الشرقي" };
        var stored = await operatorApi.PostOkAsync($"api/incidents/{first}/updates", update);
        var before = (await commander.GetOkAsync($"api/incidents/{second}")).GetProperty("timeline").GetArrayLength();

        using var elsewhere = await operatorApi.PostAsJsonAsync($"api/incidents/{second}/updates", update, HubHost.Json);
        var retried = await operatorApi.PostOkAsync($"api/incidents/{first}/updates", update);

        var after = (await commander.GetOkAsync($"api/incidents/{second}")).GetProperty("timeline").GetArrayLength();
        Assert.Multiple(async () =>
        {
            Assert.That((int)elsewhere.StatusCode, Is.EqualTo(409));
            Assert.That(await elsewhere.Content.ReadAsStringAsync(), Does.Contain("already used for another incident"));
            Assert.That(after, Is.EqualTo(before), "nothing was written to the second incident");
            Assert.That(retried.GetProperty("position").GetInt64(), Is.EqualTo(stored.GetProperty("position").GetInt64()));
            Assert.That(retried.GetProperty("wasDuplicate").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Every_agency_alerted_can_acknowledge_at_the_same_moment()
    {
        string[] agencies = ["ncem", "civil-defence", "ambulance", "red-crescent", "municipality-derna", "security-derna"];
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        var incidentId = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        var liaisons = await Task.WhenAll(agencies.Select(a => _hub.ClientForAsync("liaison." + a)));
        try
        {
            // A flood alerts six agencies at once, and their liaisons answer at once; none of them named a
            // version, so none should be told the incident changed under them.
            using var start = new SemaphoreSlim(0);
            var answers = liaisons.Select(async liaison =>
            {
                await start.WaitAsync();
                using var response = await liaison.PostAsJsonAsync($"api/incidents/{incidentId}/acknowledge", new { }, HubHost.Json);
                return (int)response.StatusCode;
            }).ToArray();
            start.Release(answers.Length);
            Assert.That(await Task.WhenAll(answers), Is.All.EqualTo(200));

            using var commander = await _hub.ClientForAsync("commander");
            var alerts = (await commander.GetOkAsync($"api/incidents/{incidentId}")).GetProperty("alerts").EnumerateArray().ToArray();
            Assert.That(alerts.Select(a => a.GetProperty("acknowledgedBy").GetString()), Is.EquivalentTo(agencies.Select(a => "liaison." + a)));
        }
        finally
        {
            foreach (var liaison in liaisons)
            {
                liaison.Dispose();
            }
        }
    }

    [Test]
    public async Task Exercise_traffic_is_marked_from_the_report_through_every_alert()
    {
        await using var commander = await _hub.ConnectAsync("commander");
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        var id = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "Earthquake", severity = "Severe", title = "تمرين: زلزال في المرج", district = "marj", isExercise = true,
        })).GetProperty("incidentId").GetGuid();

        var entries = (await commander.WaitUntilAsync(es => es.Count(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted) == 4))
            .Where(e => e.IncidentId == id).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.Metadata.IsExercise), Is.All.True);
            Assert.That(entries.Where(e => e.Type == EventTypes.AgencyAlerted).Select(e => e.DataAs<AgencyAlerted>().IsExercise), Is.All.True);
        });
    }

    [Test]
    public async Task Status_moves_forward_and_an_update_can_raise_the_severity()
    {
        using var operatorApi = await _hub.ClientForAsync("duty.operator");
        using var commander = await _hub.ClientForAsync("commander");
        var report = await operatorApi.PostOkAsync("api/incidents", new { hazard = "Wildfire", severity = "Moderate", title = "حريق في غابات الجبل الأخضر", district = "jabal-akhdar" });
        var id = report.GetProperty("incidentId").GetGuid();

        await operatorApi.PostOkAsync($"api/incidents/{id}/updates", new { text = "الرياح تدفع الحريق نحو شحات", severity = "Severe" });
        await operatorApi.PostOkAsync($"api/incidents/{id}/status", new { status = "Responding", reason = "فرق الدفاع المدني في الموقع" });
        await operatorApi.PostOkAsync($"api/incidents/{id}/status", new { status = "Closed" });

        var incident = (await commander.GetOkAsync($"api/incidents/{id}")).GetProperty("incident");
        var open = await commander.GetOkAsync("api/incidents?status=Responding");
        Assert.Multiple(() =>
        {
            Assert.That(incident.GetProperty("status").GetString(), Is.EqualTo("Closed"));
            Assert.That(incident.GetProperty("severity").GetString(), Is.EqualTo("Severe"));
            Assert.That(open.EnumerateArray().Select(i => i.GetProperty("incidentId").GetGuid()), Does.Not.Contain(id));
        });
    }
}
