using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Features.Log;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// The realtime channel. On connect a caller joins the one audience group their role and agency allow;
/// the same commands as the REST API are hub methods, and CatchUp reads the log after a position.
/// </summary>
[Authorize]
public sealed class CoordinationHub(
    ReportIncidentHandler report,
    AcknowledgeAlertHandler acknowledge,
    PostUpdateHandler postUpdate,
    ChangeStatusHandler changeStatus,
    CatchUpHandler catchUp) : Hub<ICoordinationClient>
{
    public override async Task OnConnectedAsync()
    {
        var caller = Me();
        if (caller.ReadsIncidents)
        {
            var group = caller.SeesEverything ? AudienceGroups.Everything : AudienceGroups.Agency(caller.Agency);
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }

    public Task<ReportIncidentResponse> ReportIncident(ReportIncidentRequest request) =>
        Guard(() => report.HandleAsync(Me(), request, Context.ConnectionAborted));

    public Task<CommandResponse> AcknowledgeAlert(Guid incidentId, AcknowledgeAlertRequest request) =>
        Guard(() => acknowledge.HandleAsync(Me(), incidentId, request, Context.ConnectionAborted));

    public Task<CommandResponse> PostUpdate(Guid incidentId, PostUpdateRequest request) =>
        Guard(() => postUpdate.HandleAsync(Me(), incidentId, request, Context.ConnectionAborted));

    public Task<CommandResponse> ChangeStatus(Guid incidentId, ChangeStatusRequest request) =>
        Guard(() => changeStatus.HandleAsync(Me(), incidentId, request, Context.ConnectionAborted));

    /// <summary>Entries after <paramref name="after"/> that the caller may see; call again from NextAfter until HeadPosition.</summary>
    public Task<CatchUpResponse> CatchUp(long after, int limit) =>
        Guard(() => catchUp.HandleAsync(Me(), after, limit, Context.ConnectionAborted));

    private Caller Me() => Caller.From(Context.User ?? throw new HubException("Not signed in."));

    // Hub errors reach the client only as HubException messages: say what was wrong, as the REST API does.
    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ValidationException ex)
        {
            throw new HubException("400 " + string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)));
        }
        catch (CommandRejectedException ex)
        {
            throw new HubException($"{ex.StatusCode} {ex.Message}");
        }
        catch (Persistence.EventLog.ConcurrencyConflictException ex)
        {
            throw new HubException("409 " + ex.Message);
        }
    }
}
