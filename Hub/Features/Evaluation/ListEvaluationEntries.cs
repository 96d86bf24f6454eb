using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Evaluation;
using Coordination.Persistence.Projections;
using FluentValidation;
using Coordination.Dispatch.Agencies;
using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Features.Evaluation;

/// <summary>The log's entries behind one alert or task of a figure.</summary>
/// <param name="Raised">The alert or the task's assignment.</param>
/// <param name="Done">Its acknowledgement or the task's completion; null while not done.</param>
/// <param name="FirstUpdate">The agency's first update on the incident (alerts only).</param>
public sealed record EntryPositions(long Raised, long? Done, long? FirstUpdate);

/// <summary>One alert or task behind a figure.</summary>
/// <param name="Kind">alert or task.</param>
/// <param name="IncidentId">The incident.</param>
/// <param name="Reference">The incident's reference.</param>
/// <param name="Agency">The agency alerted or assigned.</param>
/// <param name="Hazard">The incident's hazard.</param>
/// <param name="District">The incident's district.</param>
/// <param name="PlanCode">The task's plan (tasks only).</param>
/// <param name="TaskId">The task (tasks only).</param>
/// <param name="RaisedAt">Alerted at, or assigned at.</param>
/// <param name="DueAt">Acknowledge by, or due at.</param>
/// <param name="DoneAt">Acknowledged at, or completed at.</param>
/// <param name="FirstUpdateAt">The agency's first update on the incident (alerts only).</param>
/// <param name="LateBySeconds">How far past its deadline it was done, or is now when not done; 0 when in time or not yet due.</param>
/// <param name="EscalationLevel">The escalation level it reached (0 none).</param>
/// <param name="Positions">The log's entries behind it.</param>
public sealed record EvaluationEntry(
    string Kind, Guid IncidentId, string Reference, string Agency, string Hazard, string District, string? PlanCode, string? TaskId,
    DateTimeOffset RaisedAt, DateTimeOffset DueAt, DateTimeOffset? DoneAt, DateTimeOffset? FirstUpdateAt, double LateBySeconds, int EscalationLevel,
    EntryPositions Positions);

/// <summary>The alerts or tasks behind a figure, the latest first, at most <see cref="ListEvaluationEntries.Limit"/>; <paramref name="Total"/> counts them all.</summary>
public sealed record EvaluationEntries(string Figure, int Total, IReadOnlyList<EvaluationEntry> Entries);

/// <summary>"Show me the late ones": the alerts or tasks behind one figure of one line of the evaluation.</summary>
public sealed class ListEvaluationEntries(EvaluationReader reader, EvaluationStore store) : IUseCase<ListEvaluationEntries.Query, EvaluationEntries>
{
    public const int Limit = 500;

    public static IReadOnlyList<string> FigureNames { get; } =
        ["alerts", "in-time", "late", "missed", "waiting", "escalated", "updated", "tasks", "tasks-on-time", "tasks-late", "tasks-overdue", "tasks-escalated"];

    /// <param name="Figure">Which figure (see <see cref="FigureNames"/>).</param>
    /// <param name="Level">For escalated ones, the level reached (1 to 3; 1 when not given).</param>
    /// <param name="Agency">Only this agency's (a liaison: their own only).</param>
    /// <param name="Hazard">Only this hazard's.</param>
    /// <param name="District">Only this district's.</param>
    /// <param name="Previous">The previous period's instead of the period's.</param>
    /// <param name="Period">As <see cref="IEvaluationScope.Period"/>.</param>
    /// <param name="Ending">As <see cref="IEvaluationScope.Ending"/>.</param>
    /// <param name="From">As <see cref="IEvaluationScope.From"/>.</param>
    /// <param name="Until">As <see cref="IEvaluationScope.Until"/>.</param>
    /// <param name="Exercise">As <see cref="IEvaluationScope.Exercise"/>.</param>
    public sealed record Query(
        string? Figure, string? Agency, string? Hazard, string? District, int? Level, bool Previous,
        string? Period, string? Ending, string? From, string? Until, Guid? Exercise) : IEvaluationScope;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(AgencyDirectory agencies)
        {
            this.AddScopeRules();
            RuleFor(q => q.Agency).Must(a => a is null || agencies.Exists(a)).Says(a => Invalid.UnknownAgency(a)).OverridePropertyName("agency");
            RuleFor(q => q.District).Must(d => d is null || Districts.IsKnown(d)).Says(d => Invalid.UnknownDistrict(d)).OverridePropertyName("district");
            RuleFor(q => q.Hazard).Must(h => h is null || Enum.GetNames<HazardType>().Contains(h, StringComparer.Ordinal)).Says(h => Invalid.UnknownHazard(h)).OverridePropertyName("hazard");
            RuleFor(q => q.Figure).Must(f => f is not null && FigureNames.Contains(f)).Says(Invalid.EvaluationFigure);
            RuleFor(q => q.Level).InclusiveBetween(1, Figures.Levels).Says(Invalid.EvaluationLevel);
        }
    }

    public Policy Policy => Policies.ReadEvaluation;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<EvaluationEntries> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.SeesEverything && request.Agency is not null && request.Agency != caller.Agency)
        {
            throw Refuse.EvaluationOfOwnAgencyOnly(request.Agency);
        }

        var (period, exercise) = await reader.ResolveAsync(caller, request, cancellationToken);
        if (request.Previous && period is not null)
        {
            period = period.Previous();
        }

        var data = await reader.ReadAsync(caller, period, request.Previous ? null : exercise, cancellationToken);
        var now = reader.Now.ToUnixTimeMilliseconds();
        var level = request.Level ?? 1;
        bool Matches(string agency, string hazard, string district) =>
            (request.Agency is null || request.Agency == agency) && (request.Hazard is null || request.Hazard == hazard) && (request.District is null || request.District == district);

        var alerts = data.Alerts.Where(a => Matches(a.Agency, a.Hazard, a.District)).Where(a => request.Figure switch
        {
            "alerts" => true,
            "in-time" => Figures.Judge(a, now) == AlertOutcome.InTime,
            "late" => Figures.Judge(a, now) == AlertOutcome.Late,
            "missed" => Figures.Judge(a, now) == AlertOutcome.Missed,
            "waiting" => Figures.Judge(a, now) == AlertOutcome.Waiting,
            "escalated" => a.EscalationLevel >= level,
            "updated" => a.FirstUpdateAt is not null,
            _ => false,
        }).Select(a => (Row: a, Entry: (Func<string, EvaluationEntry>)(reference => Alert(a, reference, now)), a.Position, a.IncidentId));
        var tasks = data.Tasks.Where(t => Matches(t.Agency, t.Hazard, t.District)).Where(t => request.Figure switch
        {
            "tasks" => true,
            "tasks-on-time" => Figures.Judge(t, now) == TaskOutcome.OnTime,
            "tasks-late" => Figures.Judge(t, now) == TaskOutcome.Late,
            "tasks-overdue" => Figures.Judge(t, now) == TaskOutcome.Overdue,
            "tasks-escalated" => t.EscalationLevel >= level,
            _ => false,
        }).Select(t => (Row: (object)t, Entry: (Func<string, EvaluationEntry>)(reference => Task(t, reference, now)), t.Position, t.IncidentId));
        var all = alerts.Select(a => ((object)a.Row, a.Entry, a.Position, a.IncidentId)).Concat(tasks).OrderByDescending(e => e.Position).ToArray();
        var shown = all.Take(Limit).ToArray();
        var reported = await store.ReportedAtAsync(shown.Select(e => e.IncidentId), cancellationToken);
        return new EvaluationEntries(request.Figure!, all.Length, [.. shown.Select(e =>
            e.Entry(reported.TryGetValue(e.IncidentId, out var at) ? IncidentReference.For(at, e.IncidentId) : e.IncidentId.ToString()))]);
    }

    private static EvaluationEntry Alert(EvaluationAlertRow a, string reference, long now) => new(
        "alert", a.IncidentId, reference, a.Agency, a.Hazard, a.District, null, null,
        Time(a.AlertedAt), Time(a.AcknowledgeBy), TimeOrNull(a.AcknowledgedAt), TimeOrNull(a.FirstUpdateAt),
        LateBy(a.AcknowledgeBy, a.AcknowledgedAt, now), a.EscalationLevel,
        new EntryPositions(a.Position, a.AcknowledgedPosition, a.FirstUpdatePosition));

    private static EvaluationEntry Task(EvaluationTaskRow t, string reference, long now) => new(
        "task", t.IncidentId, reference, t.Agency, t.Hazard, t.District, t.PlanCode, t.TaskId,
        Time(t.AssignedAt), Time(t.DueAt), TimeOrNull(t.CompletedAt), null,
        t.Status == "StoodDown" && t.CompletedAt is null ? 0 : LateBy(t.DueAt, t.CompletedAt, now), t.EscalationLevel,
        new EntryPositions(t.Position, t.CompletedPosition, null));

    private static double LateBy(long due, long? done, long now) => Math.Max(0, (done ?? now) - due) / 1000.0;

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? TimeOrNull(long? ms) => ms is { } m ? Time(m) : null;
}
