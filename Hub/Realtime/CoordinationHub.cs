using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Features.EventLog;
using Coordination.Hub.Features.Exercises;
using Coordination.Hub.Features.FollowUp;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Pipeline;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Hub.Realtime;

/// <summary>
/// The realtime channel. On connect a caller joins the one audience group their role and agency allow; the same
/// use cases as the REST API are hub methods, each a thin adapter onto <see cref="UseCasePipeline"/>. Refusals
/// and language are handled once for every method by <see cref="Refusals.RefusalHubFilter"/>.
/// </summary>
[Authorize]
public sealed class CoordinationHub(UseCasePipeline pipeline, LiveConnections connections, IServiceProvider services) : Hub<ICoordinationClient>
{
    public override async Task OnConnectedAsync()
    {
        var caller = Me();
        // The same check every call makes: a token of a user disabled since is refused before anything is pushed.
        pipeline.DemandCurrent(caller);
        connections.Add(Context, caller);
        if (caller.ReadsIncidents)
        {
            var group = caller.SeesEverything ? AudienceGroups.Everything : AudienceGroups.Agency(caller.Agency);
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task<ReportIncidentResponse> ReportIncident(ReportIncidentRequest request) =>
        Run<ReportIncident, ReportIncidentRequest, ReportIncidentResponse>(request);

    public Task<CommandResponse> AcknowledgeAlert(Guid incidentId, AcknowledgeAlertRequest request) =>
        Run<AcknowledgeAlert, AcknowledgeAlert.Command, CommandResponse>(Features.Incidents.AcknowledgeAlert.Command.From(incidentId, request));

    public Task<CommandResponse> PostUpdate(Guid incidentId, PostUpdateRequest request) =>
        Run<PostUpdate, PostUpdate.Command, CommandResponse>(Features.Incidents.PostUpdate.Command.From(incidentId, request));

    public Task<CommandResponse> ChangeStatus(Guid incidentId, ChangeStatusRequest request) =>
        Run<ChangeStatus, ChangeStatus.Command, CommandResponse>(Features.Incidents.ChangeStatus.Command.From(incidentId, request));

    public Task<CommandResponse> ChangeClearance(Guid incidentId, ChangeClearanceRequest request) =>
        Run<ChangeClearance, ChangeClearance.Command, CommandResponse>(Features.Incidents.ChangeClearance.Command.From(incidentId, request));

    public Task<CommandResponse> AcknowledgeTask(Guid incidentId, string planCode, string taskId, TaskRequest request) =>
        Run<AcknowledgeTask, AcknowledgeTask.Command, CommandResponse>(Features.Plans.AcknowledgeTask.Command.From(incidentId, planCode, taskId, request));

    public Task<CommandResponse> ProgressTask(Guid incidentId, string planCode, string taskId, TaskRequest request) =>
        Run<ProgressTask, ProgressTask.Command, CommandResponse>(Features.Plans.ProgressTask.Command.From(incidentId, planCode, taskId, request));

    public Task<CommandResponse> CompleteTask(Guid incidentId, string planCode, string taskId, TaskRequest request) =>
        Run<CompleteTask, CompleteTask.Command, CommandResponse>(Features.Plans.CompleteTask.Command.From(incidentId, planCode, taskId, request));

    public Task<ExerciseView> StartExercise(StartExercise.Request request) =>
        Run<StartExercise, StartExercise.Request, ExerciseView>(request);

    public Task<ExerciseView> PauseExercise(Guid exerciseId) =>
        Run<PauseExercise, PauseExercise.Command, ExerciseView>(new PauseExercise.Command(exerciseId));

    public Task<ExerciseView> ResumeExercise(Guid exerciseId) =>
        Run<ResumeExercise, ResumeExercise.Command, ExerciseView>(new ResumeExercise.Command(exerciseId));

    public Task<ExerciseView> AbortExercise(Guid exerciseId, Apis.ExercisesApi.AbortExerciseRequest request) =>
        Run<AbortExercise, AbortExercise.Command, ExerciseView>(new AbortExercise.Command(exerciseId, request?.Reason));

    public Task<RecordFinding.Recorded> RecordFinding(Guid exerciseId, RecordFinding.Request request) =>
        Run<RecordFinding, RecordFinding.Command, RecordFinding.Recorded>(Features.Exercises.RecordFinding.Command.From(exerciseId, request));

    public Task<DecideProposal.Decided> DecideProposal(Guid exerciseId, Guid findingId, DecideProposal.Request request) =>
        Run<DecideProposal, DecideProposal.Command, DecideProposal.Decided>(Features.Exercises.DecideProposal.Command.From(exerciseId, findingId, request));
    public Task<RecordImprovementItem.Saved> RecordImprovementItem(ImprovementItemRequest request) =>
        Run<RecordImprovementItem, ImprovementItemRequest, RecordImprovementItem.Saved>(request);

    public Task<CompleteImprovementItem.Saved> CompleteImprovementItem(Guid itemId, Apis.FollowUpApi.CompleteItemRequest request) =>
        Run<CompleteImprovementItem, CompleteImprovementItem.Command, CompleteImprovementItem.Saved>(new CompleteImprovementItem.Command(itemId, request?.Note));

    public Task<CompleteImprovementItem.Saved> ChangeImprovementDueDate(Guid itemId, Apis.FollowUpApi.DueDateRequest request) =>
        Run<ChangeImprovementDueDate, ChangeImprovementDueDate.Command, CompleteImprovementItem.Saved>(new ChangeImprovementDueDate.Command(itemId, request?.DueDate, request?.Reason));

    public Task<RecordMeeting.Saved> RecordMeeting(RecordMeeting.Request request) =>
        Run<RecordMeeting, RecordMeeting.Request, RecordMeeting.Saved>(request);

    /// <summary>Entries after <paramref name="after"/> that the caller may see; call again from NextAfter until HeadPosition.</summary>
    public Task<CatchUpResponse> CatchUp(long after, int limit) =>
        Run<CatchUp, CatchUp.Query, CatchUpResponse>(new CatchUp.Query(after, limit));

    private Task<TResponse> Run<TUseCase, TRequest, TResponse>(TRequest request)
        where TUseCase : IUseCase<TRequest, TResponse> =>
        pipeline.RunAsync(services.GetRequiredService<TUseCase>(), Me(), request, Context.ConnectionAborted);

    private Caller Me() => Caller.From(Context.User ?? throw new HubException("Not signed in."));
}
