using System.Collections.Concurrent;
using System.Security.Cryptography;
using Coordination.Agencies.Client;
using Coordination.Agencies.Contracts.Log;
using Coordination.Testing;
using Coordination.Tests.Support;

namespace Coordination.Tests.EndToEnd;

/// <summary>
/// The embedded default's backup and restore as an operator runs them: a backup taken by the command while the duty
/// office keeps reporting to the hub process, the hub lost, the backup restored into a new data folder and a hub
/// started on it at the same address. The restored log verifies and takes reports, and a client that had seen the
/// lost entries is told so and ends with exactly the restored log and what came after.
/// </summary>
[TestFixture]
public sealed class BackupRestoreTests
{
    [Test]
    public async Task A_backup_taken_under_reports_restores_to_a_hub_that_verifies_and_a_client_beyond_it_resyncs()
    {
        using var folder = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            // As in production, every hub signs with the same key (compose sets it), so tokens outlive the restore.
            ["Coordination:Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Coordination:Realtime:HeartbeatInterval"] = "00:00:00.500",
        };
        await using var lost = new HubProcess(Path.Combine(folder.Path, "data"), settings);
        await lost.StartAsync();
        var options = new CoordinationClientOptions { KeepHistory = true, MaxReconnectDelay = TimeSpan.FromMilliseconds(500) };
        await using var commander = await CoordinationClient.ConnectAsync(lost.BaseAddress, "commander", HubHost.Password, options);
        var rewound = new ConcurrentQueue<long>();
        commander.LogRewound += rewound.Enqueue;
        using var duty = await ApiCalls.SignedInAsync(lost.BaseAddress, "duty.operator");

        // The duty office reports without pause while the backup is taken.
        var accepted = new ConcurrentQueue<long>();
        using var stopReporting = new CancellationTokenSource();
        var reporting = Task.Run(async () =>
        {
            for (var i = 0; !stopReporting.IsCancellationRequested; i++)
            {
                accepted.Enqueue((await duty.PostOkAsync("api/incidents", ApiCalls.DernaFlood($"فيضان رقم {i}"))).GetProperty("position").GetInt64());
            }
        });
        while (accepted.Count < 5)
        {
            await Task.Delay(20);
        }

        var backup = Path.Combine(folder.Path, "coordination-backup.db");
        var acceptedBefore = accepted.Count;
        var taken = await lost.RunCommandAsync(null, "backup", "--to", backup);
        var acceptedDuring = accepted.Count - acceptedBefore;
        // A few more after it, which the client sees and the backup does not hold.
        var acceptedAfterBackup = accepted.Count;
        while (accepted.Count < acceptedAfterBackup + 3)
        {
            await Task.Delay(20);
        }

        await stopReporting.CancelAsync();
        await reporting;
        var lostHead = accepted.Max();
        await commander.WaitUntilAsync(es => es.Count > 0 && es[^1].Position >= lostHead);
        var heldBeyond = commander.LastPosition;

        await lost.KillAsync();
        await using var restored = new HubProcess(Path.Combine(folder.Path, "restored"), settings, lost.Port);
        var restore = await restored.RunCommandAsync(null, "restore", "--from", backup);
        await restored.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (commander.Rewinds == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        using var commanderApi = await ApiCalls.SignedInAsync(restored.BaseAddress, "commander");
        var verify = await commanderApi.GetOkAsync("api/log/verify");
        var restoredHead = (await commanderApi.GetOkAsync("api/log?after=0&limit=1")).GetProperty("headPosition").GetInt64();
        using var dutyAgain = await ApiCalls.SignedInAsync(restored.BaseAddress, "duty.operator");
        var afterRestore = await dutyAgain.PostOkAsync("api/incidents", ApiCalls.DernaFlood("فيضان بعد الاستعادة"));
        var newReport = afterRestore.GetProperty("position").GetInt64();
        await commander.WaitUntilAsync(es => es.Any(e => e.Position == newReport) && es[^1].Position >= newReport + 6);
        var log = await commanderApi.ReadLogAsync();
        var board = (await commanderApi.GetOkAsync("api/incidents?limit=1000")).EnumerateArray().Select(i => i.GetProperty("incidentId").GetGuid());

        TestContext.Out.WriteLine($"backup: {taken.Output.Trim()}\nreports during the backup: {acceptedDuring}; the client held up to {heldBeyond}; restored head {restoredHead}; new report at {newReport}");
        Assert.Multiple(() =>
        {
            Assert.That(taken.ExitCode, Is.EqualTo(0), taken.Output);
            Assert.That(taken.Output, Does.Contain("hash chain verified"));
            Assert.That(acceptedDuring, Is.GreaterThan(0), "reports were taken while the backup ran");
            Assert.That(restore.ExitCode, Is.EqualTo(0), restore.Output);
            Assert.That(restoredHead, Is.LessThan(heldBeyond), "the client held positions the restored log does not have");
            Assert.That(verify.GetProperty("isValid").GetBoolean(), Is.True, verify.ToString());
            Assert.That(verify.GetProperty("entriesChecked").GetInt64(), Is.EqualTo(restoredHead));
            Assert.That(rewound, Is.EqualTo(new[] { restoredHead }), "the client was told once where the restored log ends");
            Assert.That(newReport, Is.LessThanOrEqualTo(heldBeyond), "the new report is at a position the client had applied before, from the lost log");
            Assert.That(commander.Applied.Select(e => (e.Position, e.EventId)), Is.EqualTo(log.Select(e => (e.Position, e.EventId))),
                "the client holds exactly the restored log and the report made after the restore");
            Assert.That(log.Where(e => e.Type == EventTypes.IncidentReported).Select(e => e.IncidentId), Is.EquivalentTo(board),
                "the board restored with the log is the log's incidents");
        });
    }
}
