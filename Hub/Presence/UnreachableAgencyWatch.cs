using System.Text.Json;
using System.Threading.Channels;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch;
using Coordination.Dispatch.Routing;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Hub.Realtime;

namespace Coordination.Hub.Presence;

/// <summary>
/// Flags each alert raised while nobody of its agency is connected to any hub: an <see cref="AgencyUnreachable"/>
/// on the incident, pushed like every entry, so the duty office phones the agency now rather than after the
/// deadline. The push hands it each page once pushed (<see cref="Offer"/>): nearly every alert goes to an agency with
/// someone connected, which is asked there and costs nothing more; the rest are judged here, off the push's way.
/// Every hub judges the alerts it pushes, and the flag's event id derives from the alert's, so it lands once however
/// many hubs judge it. A hub judges only once its presence has settled (<see cref="ClusterPresence.SettleTime"/>), and
/// leaves alone an alert already acknowledged or past its deadline (escalation's then), such as one republished after
/// a restart. Once settled after its start it also judges every alert still waiting for acknowledgement, so an alert
/// pushed but not yet judged when a hub stopped is not left unflagged.
/// </summary>
public sealed class UnreachableAgencyWatch(
    ClusterPresence presence,
    IEventLog log,
    ReadModels readModels,
    TimeProvider time,
    ILogger<UnreachableAgencyWatch> logger) : BackgroundService
{
    public const string Actor = "presence";

    /// <summary>The most alerts judged together.</summary>
    private const int BatchSize = 64;

    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    private readonly Channel<LogEntry> _doubtful = Channel.CreateUnbounded<LogEntry>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// A page the push has just sent: each alert to an agency with nobody connected (or any alert, while this hub's
    /// presence has not settled) is queued to be judged. Cheap and never waits: it runs on the push's path.
    /// </summary>
    public void Offer(IReadOnlyList<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var settled = presence.IsSettled;
        foreach (var entry in entries)
        {
            if (entry.Type == EventTypes.AgencyAlerted && !(settled && presence.AgencyReachable(LogEntryFanoutConsumer.AgencyOf(entry))))
            {
                _doubtful.Writer.TryWrite(entry);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var judging = JudgeOfferedAsync(stoppingToken);
            await presence.WhenSettledAsync(stoppingToken);
            await OfferWaitingAsync(stoppingToken);
            await judging;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task JudgeOfferedAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LogEntry>();
        while (await _doubtful.Reader.WaitToReadAsync(stoppingToken))
        {
            while (batch.Count < BatchSize && _doubtful.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await JudgeWithRetriesAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    /// <summary>The alerts still waiting for an agency with nobody connected, whatever became of their pages before this start.</summary>
    private async Task OfferWaitingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            foreach (var (agency, waiting) in await readModels.CountAlertsWaitingAsync(cancellationToken))
            {
                if (presence.AgencyReachable(agency))
                {
                    continue;
                }

                foreach (var row in (await readModels.GetInboxAsync(agency, waiting, cancellationToken)).Where(r => r.AcknowledgedAt is null && r.AcknowledgeBy >= now))
                {
                    if (await log.FindAsync(row.AlertEventId, cancellationToken) is { } entry)
                    {
                        _doubtful.Writer.TryWrite(entry);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HubLogMessages.UnreachableNotSwept(logger, ex);
        }
    }

    private async Task JudgeWithRetriesAsync(IReadOnlyList<LogEntry> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await JudgeAsync(batch, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == Retries.Length)
                {
                    // Each alert's deadline still escalates it; what is lost is only the early warning.
                    foreach (var entry in batch)
                    {
                        HubLogMessages.UnreachableNotJudged(logger, ex, entry.IncidentId, entry.EventId);
                    }

                    return;
                }

                // Flags already appended by a failed attempt are stored once: their ids derive from the alerts'.
                await Task.Delay(Retries[attempt], time, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The alerts queued since the last look, judged together: a plan's activation alerts several agencies of one
    /// incident at once, whose flags then share one read of the incident's alerts and, appended side by side, one
    /// commit of the log and one page.
    /// </summary>
    private async Task JudgeAsync(IReadOnlyList<LogEntry> batch, CancellationToken cancellationToken)
    {
        await presence.WhenSettledAsync(cancellationToken);
        var now = time.GetUtcNow();
        var doubtful = batch.Select(e => (Entry: e, Alert: e.DataAs<AgencyAlerted>()))
            .Where(a => now <= a.Alert.AcknowledgeBy && !presence.AgencyReachable(a.Alert.Agency))
            .ToArray();
        if (doubtful.Length == 0)
        {
            return;
        }

        var alerts = new Dictionary<Guid, IReadOnlyList<AlertRow>>();
        foreach (var incident in doubtful.Select(d => d.Alert.IncidentId).Distinct())
        {
            alerts[incident] = await readModels.GetAlertsAsync(incident, cancellationToken);
        }

        var users = presence.Users();
        await Task.WhenAll(doubtful
            .Where(d => alerts[d.Alert.IncidentId].FirstOrDefault(a => a.Agency == d.Alert.Agency)?.AcknowledgedAt is null)
            .Select(d => FlagAsync(d.Entry, d.Alert, users, now, cancellationToken)));
    }

    private async Task FlagAsync(LogEntry entry, AgencyAlerted alert, IReadOnlyList<PresentUser> users, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var scope = LogScopes.ForEntry(logger, entry);
        var ofAgency = users.Where(u => u.Role == Role.Liaison && u.Agency == alert.Agency).ToArray();
        var lastSeen = ofAgency.Length == 0 ? (DateTimeOffset?)null : ofAgency.Max(u => u.LastSeen);
        var flag = new AgencyUnreachable(alert.IncidentId, alert.Agency, entry.EventId, alert.AlertedAt, alert.AcknowledgeBy, lastSeen, now, alert.IsExercise);
        var flagId = DerivedEventId.Create(entry.EventId, "unreachable");
        var flagged = await log.AppendAsync(alert.IncidentId, ExpectedVersion.Any,
        [
            new NewEvent(
                flagId,
                EventTypes.AgencyUnreachable,
                JsonSerializer.Serialize(flag, ContractJson.Options),
                new EntryMetadata(Actor, "moi-duty", entry.Metadata.CorrelationId, entry.EventId, alert.IsExercise)),
        ], cancellationToken);
        if (!flagged.WasDuplicate)
        {
            HubLogMessages.AgencyUnreachable(logger, alert.IncidentId, alert.Agency, entry.EventId, flagId, flagged.LastPosition);
        }
    }
}
