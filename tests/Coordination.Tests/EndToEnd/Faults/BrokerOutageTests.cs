using System.Net;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd.Faults;

/// <summary>RabbitMQ goes away while the duty office keeps reporting, and comes back.</summary>
[TestFixture]
[NonParallelizable]
public sealed class BrokerOutageTests : RabbitMqFixture
{
    private const int Reports = 300;

    [Test]
    public async Task Reporting_goes_on_through_a_broker_outage_and_every_liaison_ends_with_every_alert_once_in_order()
    {
        await using var hub = await HubHost.StartFreshAsync(BusSettings());
        var options = new CoordinationClientOptions { KeepHistory = true, MaxReconnectDelay = TimeSpan.FromMilliseconds(500) };
        var agencies = new[] { "ncem", "civil-defence", "security-tripoli", "ambulance" };
        var liaisons = new List<CoordinationClient>();
        foreach (var agency in agencies)
        {
            liaisons.Add(await CoordinationClient.ConnectAsync(hub.BaseAddress, "liaison." + agency, HubHost.Password, options));
        }

        using var operatorApi = await hub.ClientForAsync("duty.operator");
        var readyDuringOutage = new List<HttpStatusCode>();
        for (var i = 0; i < Reports; i++)
        {
            if (i == 100)
            {
                await Broker.StopNodeAsync();
            }

            if (i is >= 110 and < 200 && i % 10 == 0)
            {
                using var ready = await hub.Http.GetAsync(new Uri("health/ready", UriKind.Relative));
                readyDuringOutage.Add(ready.StatusCode);
            }

            if (i == 200)
            {
                await Broker.StartNodeAsync();
            }

            // A flood in Derna and an armed clash in Tripoli, in turn: different agencies are owed different alerts.
            var flood = i % 2 == 0;
            await operatorApi.PostOkAsync("api/incidents", new ReportIncidentRequest(
                Guid.NewGuid(), flood ? HazardType.Flood : HazardType.ArmedClash, null, Severity.Severe, null, null,
                $"{(flood ? "فيضان" : "اشتباك")} {i}", null, flood ? "derna" : "tripoli", null, null, null, null, null, null, null));
            await Task.Delay(10);
        }

        using var commander = await hub.ClientForAsync("commander");
        // MassTransit's reconnection back-off grows while the broker is away (seen up to ~20 s).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        IReadOnlyList<Agencies.Contracts.Log.LogEntry> log = [];
        while (DateTime.UtcNow < deadline)
        {
            log = await commander.ReadLogAsync();
            if (log.AlertPositionsFor("ambulance").Length == Reports)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.That(readyDuringOutage, Does.Contain(HttpStatusCode.ServiceUnavailable), "ready says the bus is down during the outage");
        foreach (var (agency, liaison) in agencies.Zip(liaisons))
        {
            var owed = log.AlertPositionsFor(agency);
            var applied = await liaison.WaitUntilAsync(es => es.AlertPositionsFor(agency).Length >= owed.Length, TimeSpan.FromSeconds(60));
            Assert.Multiple(() =>
            {
                Assert.That(owed, Has.Length.EqualTo(agency is "ambulance" ? Reports : Reports / 2), agency);
                Assert.That(applied.AlertPositionsFor(agency), Is.EqualTo(owed), $"{agency}: every alert owed, once, in log order");
                Assert.That(applied.Select(e => e.Position), Is.Unique.And.Ordered.Ascending);
            });
            await liaison.DisposeAsync();
        }
    }
}
