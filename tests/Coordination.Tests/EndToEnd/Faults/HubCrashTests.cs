using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Testing;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd.Faults;

/// <summary>
/// The hub process (embedded default: SQLite file, in-memory bus) is killed with SIGKILL while the duty
/// office keeps reporting, and started again on the same database.
/// </summary>
[TestFixture]
public sealed class HubCrashTests
{
    private const int Reports = 40;

    [Test]
    public async Task A_hub_killed_mid_stream_resumes_from_its_checkpoint_and_no_report_or_alert_is_lost_or_doubled()
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Coordination:Realtime:HeartbeatInterval"] = "00:00:01" };
        await using var first = new HubProcess(data.Path, settings);
        await first.StartAsync();
        var clientOptions = new CoordinationClientOptions { KeepHistory = true, MaxReconnectDelay = TimeSpan.FromMilliseconds(500), CommandAttempts = 40 };
        await using var ncem = await CoordinationClient.ConnectAsync(first.BaseAddress, "liaison.ncem", HubHost.Password, clientOptions);
        await using var dutyOffice = await CoordinationClient.ConnectAsync(first.BaseAddress, "duty.operator", HubHost.Password, clientOptions);

        // The duty office keeps reporting at a steady pace; a report that meets the dead hub is re-sent with its key.
        var keys = Enumerable.Range(0, Reports).Select(_ => Guid.NewGuid()).ToArray();
        var reporting = Task.Run(async () =>
        {
            for (var i = 0; i < Reports; i++)
            {
                await dutyOffice.ReportAsync(new ReportIncidentRequest(
                    keys[i], HazardType.Flood, null, Severity.Severe, null, null, $"فيضان رقم {i}", null, "derna", null, null, null, null, null, null, null));
                await Task.Delay(50);
            }
        });

        await ncem.WaitUntilAsync(es => es.AlertPositionsFor("ncem").Length >= Reports / 4, TimeSpan.FromSeconds(30));
        await first.KillAsync();
        // Down for a moment, as a crashed hub is before it is started again: reports sent meanwhile meet no hub.
        await Task.Delay(500);
        await using var second = new HubProcess(data.Path, settings, first.Port);
        await second.StartAsync();
        await reporting.WaitAsync(TimeSpan.FromSeconds(90));

        using var http = new HttpClient { BaseAddress = second.BaseAddress };
        using var commander = await SignedIn(http, "commander");
        IReadOnlyList<LogEntry> log = [];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            log = await commander.ReadLogAsync();
            if (log.AlertPositionsFor("ncem").Length >= Reports)
            {
                break;
            }

            await Task.Delay(200);
        }

        var reported = log.Where(e => e.Type == EventTypes.IncidentReported).ToArray();
        var owed = log.AlertPositionsFor("ncem");
        var applied = await ncem.WaitUntilAsync(es => es.AlertPositionsFor("ncem").Length >= owed.Length, TimeSpan.FromSeconds(30));
        var verify = await commander.GetOkAsync("api/log/verify");
        Assert.Multiple(() =>
        {
            Assert.That(reported.Select(e => e.EventId), Is.EquivalentTo(keys), "every report stored exactly once");
            Assert.That(owed, Has.Length.EqualTo(Reports), "every report routed, including any in flight at the kill");
            Assert.That(log.Count(e => e.Type == EventTypes.AgencyAlerted), Is.EqualTo(Reports * 6), "no alert appended twice");
            Assert.That(applied.AlertPositionsFor("ncem"), Is.EqualTo(owed), "the liaison has each alert once, in order");
            Assert.That(verify.GetProperty("isValid").GetBoolean(), Is.True);
        });
    }

    private static async Task<HttpClient> SignedIn(HttpClient anonymous, string user)
    {
        var token = (await anonymous.PostOkAsync("api/auth/token", new { userName = user, password = HubHost.Password })).GetProperty("token").GetString();
        var client = new HttpClient { BaseAddress = anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
