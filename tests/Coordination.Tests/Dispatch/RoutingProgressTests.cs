using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Relay;
using Coordination.Persistence.Checkpoints;
using Coordination.Persistence.Dialects;
using Coordination.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Dispatch;

/// <summary>
/// Routing's progress (kept on the in-memory bus so a crash cannot lose a report's routing) is saved every
/// 250 ms. A save that fails must not take the hub down with it: reports are still routed and pushed, and the
/// progress is saved once the database takes writes again.
/// </summary>
[TestFixture]
public sealed class RoutingProgressTests
{
    [Test]
    public async Task When_routings_progress_cannot_be_saved_the_hub_goes_on_routing_and_saves_it_once_it_can()
    {
        var log = new CapturedLog();
        await using var hub = await HubHost.StartFreshAsync(services: s => s.AddSingleton<ILoggerProvider>(log));
        await using var commander = await hub.ConnectAsync("commander");
        using var operatorApi = await hub.ClientForAsync("duty.operator");
        var dialect = hub.Services.GetRequiredService<ISqlDialect>();
        await using (var connection = dialect.CreateConnection())
        {
            // The database refuses routing's progress as a full disk would, and nothing else.
            await connection.ExecuteAsync("""
                CREATE TRIGGER routing_progress_refused_insert BEFORE INSERT ON relay_checkpoints WHEN NEW.name = 'routing'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
                CREATE TRIGGER routing_progress_refused_update BEFORE UPDATE ON relay_checkpoints WHEN NEW.name = 'routing'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
                """);
        }

        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        await commander.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 6);
        await log.WaitForAsync(RoutingProgressRefused);

        await operatorApi.PostOkAsync("api/incidents", ApiCalls.DernaFlood());
        var pushed = await commander.WaitUntilAsync(es => es.Count(e => e.Type == EventTypes.AgencyAlerted) == 12);
        // Refused again once routing has gone past the second report (a later report routed proves it): the saves go on
        // failing while the hub goes on.
        await RoutingBarrier.PassAsync(hub.Services.GetRequiredService<Coordination.Persistence.EventLog.IEventLog>());
        var refusedBefore = log.Lines.Count(RoutingProgressRefused);
        await Eventually.TrueAsync(() => log.Lines.Count(RoutingProgressRefused) > refusedBefore, "another refused save of routing's progress");
        var routed = pushed.Where(e => e.Type == EventTypes.AgencyAlerted).Max(e => e.Position);
        var checkpoints = hub.Services.GetRequiredService<CheckpointStore>();
        Assert.That(await checkpoints.LoadAsync(RoutingProgress.CheckpointName, CancellationToken.None), Is.LessThan(routed), "nothing saved while refused");

        await using (var connection = dialect.CreateConnection())
        {
            await connection.ExecuteAsync("DROP TRIGGER routing_progress_refused_insert; DROP TRIGGER routing_progress_refused_update;");
        }

        var saved = 0L;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((saved = await checkpoints.LoadAsync(RoutingProgress.CheckpointName, CancellationToken.None)) < routed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.That(saved, Is.GreaterThanOrEqualTo(routed), "saved again once the database takes writes");
    }

    private static bool RoutingProgressRefused(CapturedLog.Line line) =>
        line.EventName == "CheckpointNotSaved" && line.Field("Name") == RoutingProgress.CheckpointName;
}
