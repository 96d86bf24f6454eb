using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Security;

[TestFixture]
public sealed class RestrictedAccessAuditTests
{
    [Test]
    public async Task Reading_a_restricted_incident_is_recorded_with_who_when_and_how_and_reading_a_public_one_is_not()
    {
        await using var hub = await HubHost.StartFreshAsync();
        var before = DateTimeOffset.UtcNow;
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var restricted = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title = "تهديد لمنشأة نفطية", district = "wahat",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetGuid();
        var open = (await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood())).GetProperty("incidentId").GetGuid();
        await ncem.WaitForAlertsAsync(2);

        await commander.GetOkAsync($"api/incidents/{restricted}");
        await commander.GetOkAsync($"api/incidents/{open}");
        await ncem.GetOkAsync("api/log?after=0&limit=1000");

        var audit = (await commander.ReadLogAsync())
            .Where(e => e.Type == EventTypes.RestrictedIncidentsAccessed)
            .Select(e => (Entry: e, Data: e.DataAs<RestrictedIncidentsAccessed>()))
            .ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(audit.Select(a => a.Entry.IncidentId), Is.All.EqualTo(SystemStreams.Audit));
            Assert.That(audit.Select(a => (a.Data.UserName, a.Data.Access)), Is.SupersetOf(new[] { ("commander", "details"), ("liaison.ncem", "catch-up") }));
            Assert.That(audit.All(a => a.Data.IncidentIds.SequenceEqual([restricted])), Is.True, "only the restricted incident is ever named");
            Assert.That(audit.All(a => a.Data.At >= before.AddSeconds(-1)), Is.True);
        });
    }

    [Test]
    public async Task Reading_an_agency_inbox_that_holds_a_restricted_incident_is_recorded_for_the_commander_and_the_liaison()
    {
        await using var hub = await HubHost.StartFreshAsync();
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var commander = await hub.ClientForAsync("commander");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var restricted = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title = "تهديد لمنشأة نفطية", district = "wahat",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetGuid();
        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());

        var inbox = await commander.GetOkAsync("api/alerts?agency=ncem");
        await ncem.GetOkAsync("api/alerts");

        var audit = (await commander.ReadLogAsync())
            .Where(e => e.Type == EventTypes.RestrictedIncidentsAccessed)
            .Select(e => e.DataAs<RestrictedIncidentsAccessed>())
            .Where(a => a.Access == "inbox")
            .ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(inbox.EnumerateArray().Select(a => a.GetProperty("title").GetString()), Does.Contain("تهديد لمنشأة نفطية"), "the inbox showed the restricted title");
            Assert.That(audit.Select(a => (a.UserName, a.Role)), Is.EquivalentTo(new[] { ("commander", "Commander"), ("liaison.ncem", "Liaison") }));
            Assert.That(audit.All(a => a.IncidentIds.SequenceEqual([restricted])), Is.True, "only the restricted incident is named, not the public flood beside it");
        });
    }
}
