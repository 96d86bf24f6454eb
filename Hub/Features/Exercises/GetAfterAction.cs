using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.FollowUp;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Evaluation;
using Coordination.Hub.Features.FollowUp;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Features.Register;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;

namespace Coordination.Hub.Features.Exercises;

/// <summary>An exercise's after-action report.</summary>
/// <param name="Exercise">The exercise: its scenario, status, clock, participants (its injects are in <see cref="Timeline"/>).</param>
/// <param name="Timeline">Every inject in the scenario's order, each with when it fired (real time and exercise clock) and the entry it caused; for a liaison only those fired.</param>
/// <param name="Agencies">Each agency's results against the scenario's expected actions.</param>
/// <param name="Figures">The exercise's evaluation figures (as <c>GET /api/evaluation?exercise=</c>); null for an administrator.</param>
/// <param name="Findings">The evaluators' strengths and gaps, with their proposals and the decisions on them.</param>
/// <param name="ImprovementPlan">The improvement plan: the improvement items recorded with this exercise as their source, the earliest due first, each tracked to completion in the follow-up.</param>
/// <param name="AsOf">When it was read.</param>
public sealed record AfterActionReport(
    ExerciseView Exercise,
    IReadOnlyList<InjectView> Timeline,
    IReadOnlyList<AgencyResults> Agencies,
    EvaluationReport? Figures,
    IReadOnlyList<ExerciseFinding> Findings,
    IReadOnlyList<ImprovementItemView> ImprovementPlan,
    DateTimeOffset AsOf);

/// <summary>
/// The after-action report of an exercise, running or ended: the timeline of injects, each agency's results against
/// the scenario's expected actions judged from the exercise's entries (<see cref="ExpectedActionJudge"/>), the
/// exercise's evaluation figures, and the findings. A liaison reads their own agency's part (see the roles table).
/// </summary>
public sealed class GetAfterAction(
    ExerciseLog exercises, ScenarioLog scenarios, ReadModels board, IEventLog log, GetEvaluation evaluation, RegisterLog register, PlanLog plans,
    FollowUpLog followUp, AgencyDirectory agencies, TimeProvider time) : IUseCase<GetAfterAction.Query, AfterActionReport>
{
    public sealed record Query(Guid ExerciseId);

    public Policy Policy => Policies.ReadAfterAction;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<AfterActionReport> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var state = await exercises.ReadAsync(request.ExerciseId, cancellationToken) ?? throw Refuse.NoExercise(request.ExerciseId);
        var scenario = await scenarios.VersionAsync(state.Started.ScenarioId, state.Started.ScenarioVersion, cancellationToken)
            ?? throw Refuse.NoScenario(state.Started.ScenarioCode);
        var now = time.GetUtcNow();
        var view = await ExerciseView.OfAsync(state, scenario, board, now, cancellationToken);
        var streams = new Dictionary<Guid, IReadOnlyList<LogEntry>>();
        foreach (var incidentId in state.Fired.Values.Select(f => f.IncidentId).Distinct())
        {
            streams[incidentId] = await log.ReadIncidentAsync(incidentId, cancellationToken);
        }

        var liaison = caller.Role == Role.Liaison;
        // A liaison of an agency that did not play reads only the findings proposing a change to what it leads.
        var played = !liaison || state.Started.Participants.Contains(caller.Agency, StringComparer.Ordinal);
        var results = ExpectedActionJudge.Judge(state, scenario, streams, now)
            .Where(a => !liaison || (played && a.Agency == caller.Agency))
            .Select(a =>
            {
                var (ar, en) = agencies.Find(a.Agency) is { } known ? (known.NameAr, known.NameEn) : (a.Agency, a.Agency);
                int Count(ActionOutcome outcome) => a.Results.Count(r => r.Outcome == outcome);
                return new AgencyResults(a.Agency, ar, en, Count(ActionOutcome.Met), Count(ActionOutcome.Late), Count(ActionOutcome.Missed), Count(ActionOutcome.Pending), a.Results);
            })
            .ToList();

        // The figures are the evaluation's, read as the caller would read them there (a liaison's own line); administrators
        // are not shown evaluation figures (ReadEvaluation).
        var figures = caller.Role == Role.Administrator || !played ? null
            : await evaluation.HandleAsync(caller, new GetEvaluation.Query(null, null, null, null, state.ExerciseId), cancellationToken);
        var findings = liaison ? await LiaisonsFindingsAsync(caller, state, played, cancellationToken) : state.Findings;
        if (!played && findings.Count == 0)
        {
            throw Refuse.NoExercise(request.ExerciseId);
        }

        // Every signed-in user reads the follow-up's items, so the plan is shown whole, a liaison's included.
        var today = ImprovementItemRequestValidator.Today(time);
        var improvementPlan = (await followUp.ItemsAsync(cancellationToken))
            .Where(i => i.Source == ImprovementSource.Exercise && i.SourceId == state.ExerciseId)
            .Select(i => ImprovementItemView.From(i, today))
            .OrderBy(i => i.DueDate)
            .ToList();
        return new AfterActionReport(
            view with { Injects = [] },
            liaison ? LiaisonsTimeline(caller, view.Injects, streams, played) : view.Injects,
            results,
            figures,
            findings,
            improvementPlan,
            now);
    }

    // A liaison sees the injects that reached their agency as a player would have: fired, on an incident their agency
    // was alerted to, a message only when it was sent to them; and of the expected actions, their agency's own.
    private static IReadOnlyList<InjectView> LiaisonsTimeline(Caller caller, IReadOnlyList<InjectView> injects, Dictionary<Guid, IReadOnlyList<LogEntry>> streams, bool played) =>
        !played ? [] : [.. injects
            .Where(i => i.Fired is { } fired
                && streams.TryGetValue(fired.IncidentId, out var stream)
                && stream.Any(e => e.Type == EventTypes.AgencyAlerted && e.DataAs<AgencyAlerted>().Agency == caller.Agency)
                && (i.Inject.Kind != InjectKind.Message || i.Inject.Agencies.Contains(caller.Agency, StringComparer.Ordinal)))
            .Select(i => i with { Inject = i.Inject with { Expected = [.. i.Inject.Expected.Where(e => e.Agency == caller.Agency)] } })];

    // A liaison reads the findings about their agency or the exercise as a whole, and those proposing a change to a risk
    // or plan their agency leads (which they decide on).
    private async Task<IReadOnlyList<ExerciseFinding>> LiaisonsFindingsAsync(Caller caller, ExerciseState state, bool played, CancellationToken cancellationToken)
    {
        var led = (await register.AsOfAsync(null, cancellationToken)).Where(r => r.Risk.LeadAgency == caller.Agency).Select(r => r.Risk.RiskId)
            .Concat((await plans.LatestAsync(cancellationToken)).Where(p => p.Plan.LeadAgency == caller.Agency).Select(p => p.Plan.PlanId))
            .ToHashSet();
        return [.. state.Findings.Where(f => (played && (f.Finding.Agency is null || f.Finding.Agency == caller.Agency)) || (f.TargetId is { } target && led.Contains(target)))];
    }
}
