using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Log;
using Coordination.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Security;

/// <summary>
/// The restricted-access audit is complete but bounded: a user's first read of a restricted incident in a window is
/// an entry at once, the further reads are counted into one entry when the window closes or the hub stops.
/// </summary>
[TestFixture]
public sealed class RestrictedAccessAuditWindowTests
{
    private const int Reads = 200;

    private static readonly Dictionary<string, string?> OneMinuteWindow = new() { ["Coordination:Security:RestrictedAccessAuditWindow"] = "00:01:00" };

    [Test]
    public async Task Reading_a_restricted_board_many_times_moves_the_log_by_one_entry_and_the_window_s_entry_counts_every_read()
    {
        using var data = new TempDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubHost.StartAsync(data.Path, OneMinuteWindow, clock);
        using var commanderApi = await hub.ClientForAsync("commander");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var restricted = await ReportRestrictedAsync(hub);
        await using var commander = await hub.ConnectAsync("commander");

        var before = await HeadAsync(commanderApi);
        for (var i = 0; i < Reads / 2; i++)
        {
            await ncem.GetOkAsync("api/incidents");
        }

        // The same user signed in again (a second tab, a refreshed token): still the same reader.
        clock.Advance(TimeSpan.FromSeconds(10));
        using var ncemAgain = await hub.ClientForAsync("liaison.ncem");
        for (var i = Reads / 2; i < Reads; i++)
        {
            await ncemAgain.GetOkAsync("api/incidents");
        }

        var afterReads = await HeadAsync(commanderApi);
        clock.Advance(TimeSpan.FromSeconds(51));
        await commander.WaitForAsync(e => BoardReadsOf(e) is { Reads: > 1 }, TimeSpan.FromSeconds(20));
        await ncem.GetOkAsync("api/incidents");
        var afterNextWindow = await HeadAsync(commanderApi);

        var audit = (await commanderApi.ReadLogAsync()).Select(BoardReadsOf).OfType<RestrictedIncidentsAccessed>().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(afterReads - before, Is.EqualTo(1), $"{Reads} board reads appended one entry, the first read's");
            Assert.That(audit.Select(a => a.Reads), Is.EqualTo(new[] { 1, Reads - 1, 1 }), "the first read, the window's other reads counted, the first read of the next window");
            Assert.That(audit.All(a => a.IncidentIds.SequenceEqual([restricted])), Is.True);
            Assert.That(audit[1].WindowEnd - audit[1].WindowStart, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(audit[1].WindowStart, Is.EqualTo(audit[0].At));
            Assert.That(afterNextWindow - afterReads, Is.EqualTo(2), "the summary, then the next window's first read at once");
        });
    }

    [Test]
    public async Task Reads_counted_in_an_open_window_are_written_when_the_hub_stops()
    {
        using var data = new TempDirectory();
        Guid restricted;
        await using (var hub = await HubHost.StartAsync(data.Path, OneMinuteWindow))
        {
            using var ncem = await hub.ClientForAsync("liaison.ncem");
            restricted = await ReportRestrictedAsync(hub);
            for (var i = 0; i < 5; i++)
            {
                await ncem.GetOkAsync("api/incidents");
            }
        }

        await using var again = await HubHost.StartAsync(data.Path, OneMinuteWindow);
        using var commander = await again.ClientForAsync("commander");
        var audit = (await commander.ReadLogAsync()).Select(BoardReadsOf).OfType<RestrictedIncidentsAccessed>().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(audit.Select(a => a.Reads), Is.EqualTo(new[] { 1, 4 }));
            Assert.That(audit[1].IncidentIds, Is.EqualTo(new[] { restricted }));
            Assert.That(audit[1].WindowEnd - audit[1].WindowStart, Is.LessThan(TimeSpan.FromMinutes(1)), "closed early, at the stop");
        });
    }

    [Test]
    public void An_entry_written_before_reads_were_counted_stands_for_one_read()
    {
        var older = """{"incidentIds":["0190d2a0-0000-7000-8000-000000000001"],"userName":"commander","agency":"moi-duty","role":"Commander","access":"details","at":"2024-05-01T10:00:00+00:00"}""";
        var read = JsonSerializer.Deserialize<RestrictedIncidentsAccessed>(older, ContractJson.Options)!;
        Assert.Multiple(() =>
        {
            Assert.That(read.Reads, Is.EqualTo(1));
            Assert.That(read.WindowStart, Is.Null);
            Assert.That(read.WindowEnd, Is.Null);
        });
    }

    /// <summary>A restricted incident cleared for NCEM, once its alert is in NCEM's inbox.</summary>
    private static async Task<Guid> ReportRestrictedAsync(HubHost hub)
    {
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        using var ncem = await hub.ClientForAsync("liaison.ncem");
        var restricted = (await operatorApi.PostOkAsync("api/incidents", new
        {
            hazard = "SecurityIncident", severity = "Severe", title = "تهديد لمنشأة نفطية", district = "wahat",
            classification = "Restricted", clearedAgencies = new[] { "ncem" },
        })).GetProperty("incidentId").GetGuid();
        await ncem.WaitForAlertsAsync();
        return restricted;
    }

    private static RestrictedIncidentsAccessed? BoardReadsOf(LogEntry entry) =>
        entry.Type == EventTypes.RestrictedIncidentsAccessed && entry.DataAs<RestrictedIncidentsAccessed>() is { UserName: "liaison.ncem", Access: "list" } read ? read : null;

    private static async Task<long> HeadAsync(HttpClient commander) =>
        (await commander.GetOkAsync("api/log?limit=1")).GetProperty("headPosition").GetInt64();
}
