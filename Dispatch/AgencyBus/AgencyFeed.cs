using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Bus;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Bus;
using Coordination.Dispatch.Relay;
using Coordination.Persistence.Checkpoints;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Leases;
using Coordination.Persistence.Visibility;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Dispatch.AgencyBus;

/// <summary>
/// Fills each subscribing agency's own durable queue with the entries that agency may see, from the log, in log order,
/// each as a typed <see cref="AgencyEntry{TData}"/>. Which entries those are is <see cref="AgencyView"/>'s one
/// definition, the same as catch-up's and the live pushes' (restricted incidents only to cleared agencies, a plan's
/// task entries only to the task's agency). Each agency has a checkpoint of its own beside the relay's, saved the way
/// the relay saves its own, so a stop of the hub or the broker loses nothing and repeats at most what was sent since the
/// last save, with the same positions. With several hubs, only the holder of this feed's lease sends.
/// </summary>
public sealed class AgencyFeed(
    IEventLog log,
    AgencyView view,
    CheckpointStore checkpoints,
    LeaseStore leases,
    AppendSignal signal,
    IBusControl bus,
    BusOptions busOptions,
    IOptions<AgencyBusOptions> options,
    IOptions<RelayOptions> relayOptions,
    TimeProvider time,
    ILogger<AgencyFeed> logger) : BackgroundService
{
    public const string LeaseName = "agency-bus";

    private static readonly ConcurrentDictionary<Type, ConstructorInfo> Constructors = new();

    private readonly Dictionary<string, PositionCheckpoint> _checkpoints = new(StringComparer.Ordinal);

    private string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private bool _holdsLease;

    /// <summary>The checkpoint's name for <paramref name="agency"/>'s queue.</summary>
    public static string CheckpointName(string agency) => $"agency-bus:{agency}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var agencies = options.Value.Agencies.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var agency in agencies)
        {
            _checkpoints[agency] = new PositionCheckpoint(checkpoints, CheckpointName(agency), logger);
        }

        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        var relay = relayOptions.Value;
        var saving = PositionCheckpoint.EveryAsync(relay.CheckpointInterval, SaveAsync, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (!await leases.TryAcquireAsync(LeaseName, Holder, relay.LeaseDuration, stoppingToken))
                    {
                        _holdsLease = false;
                        await Task.Delay(relay.LeaseDuration / 3, time, stoppingToken);
                        continue;
                    }

                    // Positions are this lease's only once loaded: another hub may have moved them while it held it.
                    _holdsLease = false;
                    foreach (var agency in agencies)
                    {
                        _checkpoints[agency].StartFrom(await checkpoints.LoadAsync(CheckpointName(agency), stoppingToken));
                    }

                    _holdsLease = true;
                    await FeedWhileHoldingAsync(agencies, relay, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The log keeps everything; each queue resumes from its checkpoint once the fault clears.
                    DispatchLogMessages.AgencyFeedFailed(logger, ex);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        finally
        {
            await saving;
        }
    }

    private async Task FeedWhileHoldingAsync(string[] agencies, RelayOptions relay, CancellationToken stoppingToken)
    {
        // Each agency is a lane of its own, running beside the others while the lease is renewed here: its queue
        // declared, fed and, on a fault, retried apart from the others, so one agency's system (which may declare its
        // own names again) or one queue's trouble stops or slows only that queue, and never the lease's renewal.
        using var holding = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var head = new SharedHead();
        var watching = Task.Run(() => WatchHeadAsync(head, relay, holding.Token), CancellationToken.None);
        var lanes = agencies.Select(agency => Task.Run(() => RunLaneAsync(agency, head, relay, holding.Token), CancellationToken.None)).Append(watching).ToArray();
        try
        {
            var renewEvery = relay.LeaseDuration / 3;
            while (true)
            {
                await Task.Delay(renewEvery, time, stoppingToken);
                if (!await leases.TryAcquireAsync(LeaseName, Holder, relay.LeaseDuration, stoppingToken))
                {
                    _holdsLease = false;
                    return;
                }
            }
        }
        finally
        {
            // A lane finishes the send under way (see FeedAsync), then stops.
            await holding.CancelAsync();
            await Task.WhenAll(lanes);
        }
    }

    /// <summary>Feeds one agency's queue until <paramref name="holding"/> ends: in log order, from its checkpoint, a fault retried with back-off.</summary>
    private async Task RunLaneAsync(string agency, SharedHead shared, RelayOptions relay, CancellationToken holding)
    {
        ISendEndpoint? endpoint = null;
        var failures = 0;
        while (!holding.IsCancellationRequested)
        {
            try
            {
                endpoint ??= await OpenAsync(agency, relay, holding);
                // The head as the watcher last read it (see WatchHeadAsync).
                var head = shared.Position;
                var behind = await FeedAsync(agency, endpoint, head, relay, holding);
                failures = 0;
                if (!behind)
                {
                    await shared.WaitBeyondAsync(head, relay.PollInterval, holding);
                }
            }
            catch (OperationCanceledException) when (holding.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The lane keeps its position (moved only by confirmed sends) and opens its queue again later.
                var retryIn = TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5)));
                failures++;
                endpoint = null;
                DispatchLogMessages.AgencyQueueFailed(logger, ex, agency, retryIn);
                await Task.Delay(retryIn, time, holding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Reads the log's head once for every lane, when an append is signalled (or every poll interval, for appends made
    /// by other processes): twenty lanes each reading it at every append cost the feed a third of its pace at 500/s.
    /// </summary>
    private async Task WatchHeadAsync(SharedHead shared, RelayOptions relay, CancellationToken holding)
    {
        while (!holding.IsCancellationRequested)
        {
            try
            {
                // Positions are given and committed under the log's write lock, so everything up to the head read
                // here is in the log with its read models: an entry an agency may see cannot appear later below it.
                shared.MoveTo(await log.HeadPositionAsync(holding));
                await signal.WaitAsync(relay.PollInterval, holding);
            }
            catch (OperationCanceledException) when (holding.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The lanes wait on the head they have; a read that failed is tried again shortly.
                DispatchLogMessages.AgencyFeedFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, holding).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The log's head as last read for the lanes, and a wait for it to move beyond a position.</summary>
    private sealed class SharedHead
    {
        private long _position;
        private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Position => Interlocked.Read(ref _position);

        public void MoveTo(long position)
        {
            if (position > Interlocked.Read(ref _position))
            {
                Interlocked.Exchange(ref _position, position);
                Interlocked.Exchange(ref _moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }

        public async Task WaitBeyondAsync(long position, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var moved = Volatile.Read(ref _moved).Task;
            if (Position > position)
            {
                return;
            }

            // Nothing new at the timeout: the lane looks again (a lane behind after a fault, or a head read that failed).
            await moved.WaitAsync(timeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Declares <paramref name="agency"/>'s queues and gives its send endpoint, within the publish timeout.</summary>
    private async Task<ISendEndpoint> OpenAsync(string agency, RelayOptions relay, CancellationToken holding)
    {
        var queue = AgencyQueues.Entries(busOptions.QueuePrefix, agency);
        using (var declaring = CancellationTokenSource.CreateLinkedTokenSource(holding))
        {
            declaring.CancelAfter(relay.PublishTimeout);
            await AgencyQueueTopology.DeclareAsync(busOptions, [queue, AgencyQueues.Replies(busOptions.QueuePrefix, agency)], logger, declaring.Token);
        }

        return await bus.GetSendEndpoint(new Uri($"exchange:{queue}"));
    }

    /// <summary>Sends one page of <paramref name="agency"/>'s entries up to <paramref name="head"/>; true when more are waiting.</summary>
    private async Task<bool> FeedAsync(string agency, ISendEndpoint endpoint, long head, RelayOptions relay, CancellationToken stoppingToken)
    {
        var checkpoint = _checkpoints[agency];
        var after = checkpoint.Position;
        if (after >= head)
        {
            return false;
        }

        var entries = await view.ReadAsync(agency, after, head, relay.BatchSize, stoppingToken);
        foreach (var entry in entries)
        {
            // A stop waits for the send under way rather than abandoning it: abandoned, the broker may still have
            // taken it while the checkpoint stayed behind, and the queue would receive it again after the restart.
            stoppingToken.ThrowIfCancellationRequested();
            // Each send is awaited (publisher confirms) before the next, so the queue's order is the log's.
            using var sending = new CancellationTokenSource(relay.PublishTimeout);
            var message = ToMessage(entry, out var messageType);
            await endpoint.Send(message, messageType, sending.Token).WaitAsync(sending.Token);
            checkpoint.Reached(entry.Position);
        }

        // A short page means the agency sees nothing else up to the head: the checkpoint moves there, so the next read
        // starts after it rather than scanning the same stretch of the log again.
        var full = entries.Count == relay.BatchSize;
        checkpoint.Reached(full ? entries[^1].Position : head);
        return full;
    }

    /// <summary>The entry as the <see cref="AgencyEntry{TData}"/> of its event type (of <see cref="JsonElement"/> for a type this hub does not know).</summary>
    private static object ToMessage(LogEntry entry, out Type messageType)
    {
        var dataType = EventTypes.All.GetValueOrDefault(entry.Type) ?? typeof(JsonElement);
        messageType = typeof(AgencyEntry<>).MakeGenericType(dataType);
        var data = dataType == typeof(JsonElement) ? entry.Data : entry.Data.Deserialize(dataType, ContractJson.Options);
        var constructor = Constructors.GetOrAdd(messageType, static type => type.GetConstructors().Single());
        return constructor.Invoke([entry.Position, entry.IncidentId, entry.Version, entry.EventId, entry.Type, data, entry.Metadata, entry.RecordedAt]);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (!_holdsLease)
        {
            return;
        }

        foreach (var checkpoint in _checkpoints.Values)
        {
            await checkpoint.SaveAsync(cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_holdsLease)
        {
            await SaveAsync(cancellationToken);
            await leases.ReleaseAsync(LeaseName, Holder, cancellationToken);
            _holdsLease = false;
        }
    }
}
