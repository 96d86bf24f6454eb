using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Relay;
using Coordination.Persistence.Leases;
using Coordination.Persistence.Sqlite;
using Coordination.Testing;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Tests.EndToEnd.Faults;

/// <summary>Two hub processes share one database and one RabbitMQ broker.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SeveralHubsTests : RabbitMqFixture
{
    [Test]
    public async Task Alerts_cross_hubs_one_relay_publishes_and_another_takes_over_when_it_is_killed()
    {
        using var data = new TempDirectory();
        var settings = BusSettings();
        settings["Coordination:Relay:LeaseDuration"] = "00:00:03";
        await using var a = new HubProcess(data.Path, settings);
        await using var b = new HubProcess(data.Path, settings);
        await Task.WhenAll(a.StartAsync(), b.StartAsync()); // both migrate the same new database at once

        var leases = new LeaseStore(new SqliteDialect(Path.Combine(data.Path, "coordination.db")), TimeProvider.System);
        var holder = await WaitForHolderAsync(leases, null);
        var (publisher, standby) = holder.Contains($"/{a.ProcessId}/", StringComparison.Ordinal) ? (a, b) : (b, a);

        var options = new CoordinationClientOptions { KeepHistory = true, MaxReconnectDelay = TimeSpan.FromMilliseconds(500) };
        await using var ncemOnStandby = await CoordinationClient.ConnectAsync(standby.BaseAddress, "liaison.ncem", HubHost.Password, options);
        await using var commanderOnStandby = await CoordinationClient.ConnectAsync(standby.BaseAddress, "commander", HubHost.Password, options);
        await using var commanderOnPublisher = await CoordinationClient.ConnectAsync(publisher.BaseAddress, "commander", HubHost.Password, options);
        await using var dutyOnPublisher = await CoordinationClient.ConnectAsync(publisher.BaseAddress, "duty.operator", HubHost.Password, options);

        var first = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            first.Add((await dutyOnPublisher.ReportAsync(Flood($"فيضان عبر المركز الأول {i}"))).IncidentId);
        }

        await ncemOnStandby.WaitUntilAsync(es => first.All(id => es.Any(e => e.IncidentId == id && e.Type == EventTypes.AgencyAlerted)), TimeSpan.FromSeconds(30));
        var onStandby = await commanderOnStandby.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 30, TimeSpan.FromSeconds(30));
        var onPublisher = await commanderOnPublisher.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 30, TimeSpan.FromSeconds(30));
        Assert.Multiple(() =>
        {
            Assert.That(onStandby.Select(e => e.Position), Is.EqualTo(onPublisher.Select(e => e.Position)), "commanders on either hub see the same timeline");
            Assert.That(commanderOnStandby.Received.Select(e => e.Position), Is.Unique, "one relay publishes: nothing arrives twice");
            Assert.That(commanderOnPublisher.Received.Select(e => e.Position), Is.Unique, "one relay publishes: nothing arrives twice");
        });

        await publisher.KillAsync();
        var takeoverStarted = DateTime.UtcNow;
        var newHolder = await WaitForHolderAsync(leases, holder);
        var takeover = DateTime.UtcNow - takeoverStarted;
        Assert.Multiple(() =>
        {
            Assert.That(newHolder, Does.Contain($"/{standby.ProcessId}/"));
            Assert.That(takeover, Is.LessThan(TimeSpan.FromSeconds(10)), "the standby takes the relay over within seconds");
        });

        await using var dutyOnStandby = await CoordinationClient.ConnectAsync(standby.BaseAddress, "duty.operator", HubHost.Password, options);
        var after = (await dutyOnStandby.ReportAsync(Flood("فيضان بعد سقوط المركز الأول"))).IncidentId;
        var applied = await ncemOnStandby.WaitUntilAsync(es => es.Any(e => e.IncidentId == after && e.Type == EventTypes.AgencyAlerted), TimeSpan.FromSeconds(30));
        Assert.That(applied.Select(e => e.Position), Is.Unique.And.Ordered.Ascending);
    }

    [Test]
    public async Task A_user_disabled_on_one_hub_loses_their_live_connection_on_the_other_within_seconds()
    {
        using var data = new TempDirectory();
        var settings = BusSettings();
        await using var a = new HubProcess(data.Path, settings);
        await using var b = new HubProcess(data.Path, settings);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var http = new HttpClient();
        var liaisonToken = await SignInAsync(http, b.BaseAddress, "liaison.ncem");
        await using var onB = new HubConnectionBuilder()
            .WithUrl(new Uri(b.BaseAddress, "hubs/coordination"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(liaisonToken))
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        onB.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await onB.StartAsync();

        using var disable = new HttpRequestMessage(HttpMethod.Post, new Uri(a.BaseAddress, "api/admin/users/liaison.ncem/disable")) { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
        disable.Headers.Authorization = new("Bearer", await SignInAsync(http, a.BaseAddress, "admin"));
        (await http.SendAsync(disable)).EnsureSuccessStatusCode();

        // Sooner than the 10 s directory re-read: the other hub learns it from the log's directory stream on the bus.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(8));
        Assert.That(onB.State, Is.EqualTo(HubConnectionState.Disconnected));
    }

    private static async Task<string> SignInAsync(HttpClient http, Uri hub, string userName)
    {
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, new Uri(hub, "api/auth/token"), new { userName, password = HubHost.Password });
        response.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    private static Agencies.Contracts.Commands.ReportIncidentRequest Flood(string title) => new(
        null, Agencies.Contracts.Reference.HazardType.Flood, null, Agencies.Contracts.Reference.Severity.Extreme, null, null, title, null, "derna", null, null, null, null, null, null, null);

    private static async Task<string> WaitForHolderAsync(LeaseStore leases, string? other)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var holder = await leases.HolderAsync(LogRelay.LeaseName, default);
            if (holder is not null && holder != other)
            {
                return holder;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No hub took the relay lease.");
    }
}
