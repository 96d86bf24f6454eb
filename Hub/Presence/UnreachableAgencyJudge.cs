using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch;
using Coordination.Dispatch.Consumers;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Realtime;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Presence;

/// <summary>
/// Flags each alert raised while nobody of its agency is connected to any hub: an <see cref="AgencyUnreachable"/>
/// on the incident, pushed like every entry, so the duty office phones the agency now rather than after the
/// deadline. Decided once per cluster, as a step of the shared routing queue (<see cref="IRoutingQueueStep"/>: one hub
/// takes each page, delivered again after a stop; a fault tried again twice, then left to the alert's escalation) and
/// with an event id derived from the alert's, so a page delivered again or to another hub appends nothing. A hub
/// decides only once its presence has settled (<see cref="ClusterPresence.SettleTime"/>), and leaves alone an alert
/// already acknowledged or past its deadline (escalation's then), such as one republished after a restart.
/// </summary>
public sealed class UnreachableAgencyJudge(ClusterPresence presence, IEventLog log, ReadModels readModels, TimeProvider time, ILogger<UnreachableAgencyJudge> logger) : IRoutingQueueStep
{
    public const string Actor = "presence";

    public async Task HandleAsync(IReadOnlyList<LogEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);

        // Nearly every alert goes to an agency with someone connected: that is asked first, of the entry's agency
        // alone, before the alert is read whole (this runs beside the push of the same page, at every report's moment).
        var doubtful = entries
            .Where(e => e.Type == EventTypes.AgencyAlerted && !(presence.IsSettled && presence.AgencyReachable(LogEntryFanoutConsumer.AgencyOf(e))))
            .ToArray();
        if (doubtful.Length == 0)
        {
            return;
        }

        await presence.WhenSettledAsync(cancellationToken);
        var now = time.GetUtcNow();
        var unreachable = doubtful.Select(e => (Entry: e, Alert: e.DataAs<AgencyAlerted>()))
            .Where(a => now <= a.Alert.AcknowledgeBy && !presence.AgencyReachable(a.Alert.Agency))
            .ToArray();
        if (unreachable.Length == 0)
        {
            return;
        }

        // A plan's activation alerts several agencies of one incident in one page: their flags share one read of the
        // incident's alerts and, appended side by side, one commit of the log and one page.
        var alerts = new Dictionary<Guid, IReadOnlyList<AlertRow>>();
        foreach (var incident in unreachable.Select(u => u.Alert.IncidentId).Distinct())
        {
            alerts[incident] = await readModels.GetAlertsAsync(incident, cancellationToken);
        }

        var users = presence.Users();
        await Task.WhenAll(unreachable
            .Where(u => alerts[u.Alert.IncidentId].FirstOrDefault(a => a.Agency == u.Alert.Agency)?.AcknowledgedAt is null)
            .Select(u => FlagAsync(u.Entry, u.Alert, users, now, cancellationToken)));
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
