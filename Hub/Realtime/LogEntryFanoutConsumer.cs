using System.Text.Json;
using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Audit;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Agencies.Contracts.Routing;
using Coordination.Agencies.Contracts.Seals;
using Coordination.Dispatch;
using Coordination.Dispatch.Plans;
using Coordination.Dispatch.Relay;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Telemetry;
using MassTransit;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// Every hub instance receives every page of the log the relay publishes (its own temporary queue) and pushes
/// to each audience the entries it may see, as one message per audience and page (at most
/// <see cref="EntriesPerPush"/> entries each), with the position of that audience's previous visible entry so
/// clients can detect what they missed: the everything-group sees every position; an agency sees its incidents
/// from its alert on (and a restricted one only until its clearance is revoked), of a plan's task entries only its own
/// agency's. One message for the page, not one per entry: the per-message cost of a WebSocket write,
/// paid for every liaison, was the hub's largest under load.
/// </summary>
public sealed class LogEntryFanoutConsumer(
    IHubContext<CoordinationHub, ICoordinationClient> hub,
    IncidentAudience audience,
    FanoutCursor cursor,
    EndedSessions sessions,
    RoutingRulesProvider routing,
    PlanLibrary plans,
    ILogger<LogEntryFanoutConsumer> logger,
    HubTelemetry? telemetry = null) : IConsumer<LogEntriesPublished>
{
    /// <summary>The most entries in one push, so a long catch-up page does not become one huge frame on a poor link.</summary>
    public const int EntriesPerPush = 100;

    public async Task Consume(ConsumeContext<LogEntriesPublished> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entries = context.Message.Entries;
        if (entries.Count == 0)
        {
            return;
        }

        // Beneath MassTransit's consume span, so a trace goes from the relay's page to the pushes it made.
        using var activity = HubTelemetry.Source.StartActivity("hub.push");
        activity?.SetTag("coordination.position.first", entries[0].Position);
        activity?.SetTag("coordination.position.last", entries[^1].Position);
        using var scope = LogScopes.ForPage(logger, entries);
        foreach (var rules in entries.Where(e => e.IncidentId == SystemStreams.Routing && e.Type == EventTypes.RoutingRulesChanged))
        {
            // Every hub routes by a new version as soon as it reads it here, not at its next re-read.
            routing.Offer(rules.DataAs<RoutingRulesChanged>());
        }

        foreach (var plan in entries.Where(e => e.Type is EventTypes.PlanRecorded or EventTypes.PlanChanged))
        {
            // Likewise a plan's new version: the next report here is checked against it.
            plans.Offer(plan.Type == EventTypes.PlanRecorded ? plan.DataAs<PlanRecorded>().Plan : plan.DataAs<PlanChanged>().Plan, plan.Version);
        }

        if (entries.Any(e => e.IncidentId == SystemStreams.Directory))
        {
            // Before the push: a user disabled by this page must not receive it.
            await sessions.DirectoryChangedAsync(context.CancellationToken);
        }

        // Each agency's share of the page, in order, with the position it saw before the first of them.
        var shares = new Dictionary<string, (long Previous, List<LogEntry> Entries)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Version == 1)
            {
                audience.IncidentBegan(entry.IncidentId);
                if (entry.Type == EventTypes.ImprovementItemRecorded)
                {
                    // An improvement item's owner agency sees its stream from its recording on.
                    audience.AgencyAlerted(entry.IncidentId, entry.DataAs<Agencies.Contracts.FollowUp.ImprovementItemRecorded>().Item.OwnerAgency, entry.Position);
                }
            }
            else if (entry.Type == EventTypes.AgencyAlerted)
            {
                audience.AgencyAlerted(entry.IncidentId, AgencyOf(entry), entry.Position);
            }
            else if (entry.Type == EventTypes.RiskReviewOverdue)
            {
                // The lead agency sees the risk's stream from its first overdue review on, as an agency sees an incident from its alert.
                audience.AgencyAlerted(entry.IncidentId, entry.DataAs<Agencies.Contracts.Register.RiskReviewOverdue>().LeadAgency, entry.Position);
            }
            else if (entry.Type == EventTypes.ClearanceChanged)
            {
                // Before this entry's pushes: a revoked agency sees nothing of the incident from it on.
                audience.ClearanceRevoked(entry.IncidentId, entry.DataAs<ClearanceChanged>().Revoked, entry.Position);
            }

            cursor.Arrived(entry.Position);
            foreach (var agency in await audience.AgenciesSeeingAsync(entry, context.CancellationToken))
            {
                if (!shares.TryGetValue(agency, out var share))
                {
                    share = (await cursor.PreviousForAsync(agency, entry.Position, context.CancellationToken), []);
                    shares[agency] = share;
                }

                // Recorded before the send: the entry was the agency's whether or not this push reaches anyone,
                // so the next push still reveals it to a client that missed it.
                cursor.Pushed(agency, entry.Position);
                share.Entries.Add(entry);
            }
        }

        await PushAsync(hub.Clients.Group(AudienceGroups.Everything), entries, entries[0].Position - 1, "everything");
        foreach (var (agency, share) in shares)
        {
            await PushAsync(hub.Clients.Group(AudienceGroups.Agency(agency)), share.Entries, share.Previous, "agency");
        }

        HubLogMessages.Pushed(logger, entries[0].Position, entries[^1].Position, entries.Count, shares.Count);
        foreach (var seal in entries.Where(e => e.Type == EventTypes.LogSealed && e.IncidentId == SystemStreams.Seals))
        {
            // To every connection, whatever it may see: a seal names a position and a hash, no incident's content,
            // and every client that keeps it is one more witness against a rewritten log.
            await hub.Clients.All.LogSealed(seal.DataAs<LogSealed>());
        }
    }

    /// <summary>
    /// The alerted agency, read from the entry's JSON by its name instead of deserialising the whole alert for
    /// one field; anything not in the log's own shape is read as before.
    /// </summary>
    internal static string AgencyOf(LogEntry entry) =>
        entry.Data.ValueKind == JsonValueKind.Object && entry.Data.TryGetProperty("agency"u8, out var agency) && agency.ValueKind == JsonValueKind.String
            ? agency.GetString()!
            : entry.DataAs<AgencyAlerted>().Agency;

    private async Task PushAsync(ICoordinationClient group, IReadOnlyList<LogEntry> entries, long previous, string audienceKind)
    {
        foreach (var chunk in entries.Chunk(EntriesPerPush))
        {
            telemetry?.Pushed(chunk.Length, audienceKind);
            await group.EntriesAppended(chunk, previous);
            previous = chunk[^1].Position;
        }
    }
}
