using Coordination.Agencies.Contracts.Realtime;
using Coordination.Dispatch.Agencies;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Visibility;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// A push reveals a missed entry only when a later push arrives. The heartbeat closes that hole: every few
/// seconds each audience is told, from the database, the latest position it may see (<see cref="AgencyView"/>
/// carries each agency's forward by the entries since the last, so a tick costs the same on a year's log as on a new one).
/// </summary>
public sealed class AudienceHeartbeat(
    IHubContext<CoordinationHub, ICoordinationClient> hub,
    IEventLog log,
    AgencyView agencyView,
    AgencyDirectory agencies,
    RealtimeOptions options,
    TimeProvider time,
    ILogger<AudienceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var head = await log.HeadPositionAsync(stoppingToken);
                await hub.Clients.Group(AudienceGroups.Everything).Heartbeat(head);
                foreach (var agency in agencies.All)
                {
                    var latest = (await agencyView.HeadAsync(agency.Code, head, stoppingToken)).Position;
                    await hub.Clients.Group(AudienceGroups.Agency(agency.Code)).Heartbeat(latest);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLogMessages.HeartbeatFailed(logger, ex);
            }
        }
    }
}
