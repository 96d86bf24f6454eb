using System.Collections.Concurrent;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Dispatch.Relay;
using Coordination.Hub.Auth;
using Coordination.Hub.Realtime;
using Coordination.Hub.Security;
using Coordination.Persistence.EventLog;
using Coordination.Tests.Support;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>
/// The fan-out consumer on MassTransit's test harness, with its own definition, its audience and cursor over a
/// real SQLite log and alert inbox, and SignalR's own typed hub context: only the lifetime manager under it,
/// which would write to connections, is replaced by one that records what each group is sent.
/// </summary>
[TestFixture]
public sealed class LogEntryFanoutConsumerTests
{
    private ConsumerHarness<LogEntryFanoutConsumer> _fanout = null!;
    private GroupRecorder _groups = null!;

    private IEventLog Log => _fanout.Log;

    [SetUp]
    public async Task StartHarness()
    {
        _groups = new GroupRecorder();
        _fanout = await ConsumerHarness.StartAsync<LogEntryFanoutConsumer>(
            (services, _) =>
            {
                // As the hub registers them; the hub class itself is never created, only its context.
                services.AddSignalR();
                services.AddSingleton<HubLifetimeManager<CoordinationHub>>(_groups);
                services.AddSingleton<IncidentAudience>();
                services.AddSingleton<FanoutCursor>();
                services.AddSingleton(new SecurityOptions());
                services.AddSingleton<AccountStates>();
                services.AddSingleton<LiveConnections>();
                services.AddSingleton<EndedSessions>();
                services.AddSingleton(Coordination.Dispatch.Agencies.AgencyDirectory.LoadSample());
                services.AddSingleton<Coordination.Dispatch.Routing.RoutingRulesProvider>();
                services.AddSingleton<Coordination.Dispatch.Plans.PlanLibrary>();
            },
            x => x.AddConsumer<LogEntryFanoutConsumer, LogEntryFanoutConsumerDefinition>());
    }

    [TearDown]
    public async Task StopHarness() => await _fanout.DisposeAsync();

    [Test]
    public async Task A_page_goes_whole_to_the_everything_group_and_to_each_agency_from_its_own_alert_on()
    {
        var flood = Guid.NewGuid();
        var fire = Guid.NewGuid();
        await Log.AppendAsync(flood, ExpectedVersion.NoStream, [SampleEvents.Reported(flood), SampleEvents.Alerted(flood, "ncem"), SampleEvents.Alerted(flood, "civil-defence")], default);
        await Log.AppendAsync(fire, ExpectedVersion.NoStream, [SampleEvents.Reported(fire), SampleEvents.Alerted(fire, "red-crescent")], default);
        await Log.AppendAsync(flood, 3, [SampleEvents.Updated(flood, "ارتفاع المياه")], default);
        await Log.AppendAsync(fire, 2, [SampleEvents.Updated(fire, "تم الإخلاء")], default);
        var log = await Log.ReadAfterAsync(0, 100, default);
        Assert.That(log.Select(e => e.Position), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6, 7 }));

        await _fanout.PublishAsync(new LogEntriesPublished(log.Take(6).ToArray()));
        var firstPage = _groups.TakeAll();
        await _fanout.PublishAsync(new LogEntriesPublished([log[6]]));
        var secondPage = _groups.TakeAll();

        Assert.Multiple(() =>
        {
            Assert.That(firstPage[0], Is.EqualTo(new Push("everything", [1, 2, 3, 4, 5, 6], 0)), "the everything group first, every entry");
            Assert.That(firstPage, Is.EquivalentTo(new[]
            {
                new Push("everything", [1, 2, 3, 4, 5, 6], 0),
                new Push("agency:ncem", [2, 3, 6], 0),
                new Push("agency:civil-defence", [3, 6], 0),
                new Push("agency:red-crescent", [5], 0),
            }));
            // The cursor carries each agency's last position from page to page.
            Assert.That(secondPage, Is.EquivalentTo(new[]
            {
                new Push("everything", [7], 6),
                new Push("agency:red-crescent", [7], 5),
            }));
        });
    }

    [Test]
    public async Task A_hub_that_starts_mid_log_reads_the_audience_and_each_agencys_previous_position_from_the_log()
    {
        var flood = Guid.NewGuid();
        var fire = Guid.NewGuid();
        await Log.AppendAsync(flood, ExpectedVersion.NoStream, [SampleEvents.Reported(flood), SampleEvents.Alerted(flood, "ncem"), SampleEvents.Alerted(flood, "civil-defence")], default);
        await Log.AppendAsync(fire, ExpectedVersion.NoStream, [SampleEvents.Reported(fire), SampleEvents.Alerted(fire, "civil-defence")], default);
        await Log.AppendAsync(flood, 3, [SampleEvents.Updated(flood, "ارتفاع المياه")], default);
        var log = await Log.ReadAfterAsync(0, 100, default);
        Assert.That(log.Select(e => e.Position), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));

        // The first page this hub sees is the flood's update: entries 1 to 5 went out before it started.
        await _fanout.PublishAsync(new LogEntriesPublished([log[5]]));

        Assert.That(_groups.TakeAll(), Is.EquivalentTo(new[]
        {
            new Push("everything", [6], 5),
            new Push("agency:ncem", [6], 3),
            new Push("agency:civil-defence", [6], 5),
        }));
    }

    [Test]
    public async Task A_page_longer_than_one_push_goes_in_pushes_of_at_most_a_hundred_each_chained_by_previous_position()
    {
        var flood = Guid.NewGuid();
        var updates = Enumerable.Range(1, 149).Select(i => SampleEvents.Updated(flood, $"تحديث {i}"));
        await Log.AppendAsync(flood, ExpectedVersion.NoStream, [SampleEvents.Reported(flood), .. updates], default);
        var log = await Log.ReadAfterAsync(0, 500, default);

        await _fanout.PublishAsync(new LogEntriesPublished(log));

        Assert.That(_groups.TakeAll(), Is.EqualTo(new[]
        {
            new Push("everything", [.. Enumerable.Range(1, LogEntryFanoutConsumer.EntriesPerPush).Select(i => (long)i)], 0),
            new Push("everything", [.. Enumerable.Range(101, 50).Select(i => (long)i)], 100),
        }));
    }

    /// <summary>One EntriesAppended call on a group, as positions.</summary>
    private sealed record Push(string Group, long[] Positions, long PreviousPosition)
    {
        public bool Equals(Push? other) =>
            other is not null && Group == other.Group && Positions.SequenceEqual(other.Positions) && PreviousPosition == other.PreviousPosition;

        public override int GetHashCode() => HashCode.Combine(Group, Positions.Length, PreviousPosition);

        public override string ToString() => $"{Group} [{string.Join(", ", Positions)}] after {PreviousPosition}";
    }

    /// <summary>
    /// Stands where SignalR's lifetime manager writes to the connections in a group, and records the calls
    /// instead. The fan-out only sends to groups; anything else it asked for would be a fault.
    /// </summary>
    private sealed class GroupRecorder : HubLifetimeManager<CoordinationHub>
    {
        private readonly ConcurrentQueue<Push> _pushes = new();

        /// <summary>The pushes so far, in the order they were made, and forgets them.</summary>
        public List<Push> TakeAll()
        {
            var taken = new List<Push>();
            while (_pushes.TryDequeue(out var push))
            {
                taken.Add(push);
            }

            return taken;
        }

        public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
        {
            if (methodName != nameof(ICoordinationClient.EntriesAppended))
            {
                throw Unexpected();
            }

            var entries = (IReadOnlyList<LogEntry>)args[0]!;
            _pushes.Enqueue(new Push(groupName, [.. entries.Select(e => e.Position)], (long)args[1]!));
            return Task.CompletedTask;
        }

        public override Task OnConnectedAsync(HubConnectionContext connection) => throw Unexpected();

        public override Task OnDisconnectedAsync(HubConnectionContext connection) => throw Unexpected();

        public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => throw Unexpected();

        public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => throw Unexpected();

        private static NotSupportedException Unexpected() => new("The fan-out only sends EntriesAppended to groups.");
    }
}
