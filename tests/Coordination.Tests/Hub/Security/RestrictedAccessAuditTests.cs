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

        var before = DateTimeOffset.UtcNow;
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
}
