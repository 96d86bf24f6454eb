using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Persistence.Evaluation;
using FluentValidation;

namespace Coordination.Hub.Features.Evaluation;

/// <summary>One line of the evaluation: its figures for the period and for the one before, and which way they moved.</summary>
/// <param name="Key">Agency code, hazard type or district code; "all" for the whole.</param>
/// <param name="NameAr">Its name in Arabic.</param>
/// <param name="NameEn">Its name in English.</param>
/// <param name="Current">The period's figures.</param>
/// <param name="Previous">The previous period's; null for an exercise.</param>
/// <param name="Trend">How the share acknowledged in time moved (by a percentage point or more).</param>
public sealed record EvaluationLine(string Key, string NameAr, string NameEn, Figures Current, Figures? Previous, Trend Trend);

/// <summary>An exercise named in an evaluation.</summary>
public sealed record EvaluatedExercise(Guid ExerciseId, string TitleAr, string TitleEn, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

/// <summary>The evaluation of a period (or an exercise): in total, per agency, per hazard and per district.</summary>
public sealed record EvaluationReport(
    EvaluationPeriod? Period,
    EvaluationPeriod? PreviousPeriod,
    EvaluatedExercise? Exercise,
    DateTimeOffset AsOf,
    EvaluationLine Total,
    IReadOnlyList<EvaluationLine> Agencies,
    IReadOnlyList<EvaluationLine> Hazards,
    IReadOnlyList<EvaluationLine> Districts);

/// <summary>
/// The figures of a period for the coordination meetings (with the previous period beside them), or of one exercise,
/// read from the alert inbox and the task board, which the append keeps with the times and positions they need.
/// </summary>
public sealed class GetEvaluation(EvaluationReader reader, AgencyDirectory agencies) : IUseCase<GetEvaluation.Query, EvaluationReport>
{
    public sealed record Query(string? Period, string? Ending, string? From, string? Until, Guid? Exercise) : IEvaluationScope;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => this.AddScopeRules();
    }

    public Policy Policy => Policies.ReadEvaluation;

    public RateLimit RateLimit => RateLimit.ReadsPerUser;

    public async Task<EvaluationReport> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (period, exercise) = await reader.ResolveAsync(request, cancellationToken);
        var asOf = reader.Now;
        var current = await reader.ReadAsync(caller, period, exercise, cancellationToken);
        var previousPeriod = period?.Previous();
        var previous = previousPeriod is null ? null : await reader.ReadAsync(caller, previousPeriod, null, cancellationToken);
        var now = asOf.ToUnixTimeMilliseconds();

        IReadOnlyList<EvaluationLine> Lines(Func<EvaluationAlertRow, string> alertKey, Func<EvaluationTaskRow, string> taskKey, Func<string, (string Ar, string En)> name)
        {
            var alertsNow = current.Alerts.ToLookup(alertKey);
            var tasksNow = current.Tasks.ToLookup(taskKey);
            var alertsBefore = previous?.Alerts.ToLookup(alertKey);
            var tasksBefore = previous?.Tasks.ToLookup(taskKey);
            // Lines of the period; a line with nothing in it now but something before is shown too, so a drop to none is seen.
            var keys = alertsNow.Select(g => g.Key).Concat(tasksNow.Select(g => g.Key))
                .Concat(alertsBefore?.Select(g => g.Key) ?? []).Concat(tasksBefore?.Select(g => g.Key) ?? [])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            return [.. keys.Select(key =>
            {
                var (ar, en) = name(key);
                return Line(key, ar, en, [.. alertsNow[key]], [.. tasksNow[key]],
                    previous is null ? null : ([.. alertsBefore![key]], [.. tasksBefore![key]]), now);
            })];
        }

        return new EvaluationReport(
            period,
            previousPeriod,
            exercise is null ? null : new EvaluatedExercise(exercise.ExerciseId, exercise.TitleAr, exercise.TitleEn, exercise.StartedAt, exercise.EndedAt),
            asOf,
            Line("all", "الكل", "All", current.Alerts, current.Tasks, previous is null ? null : (previous.Alerts, previous.Tasks), now),
            Lines(a => a.Agency, t => t.Agency, code => agencies.Find(code) is { } a ? (a.NameAr, a.NameEn) : (code, code)),
            Lines(a => a.Hazard, t => t.Hazard, HazardName),
            Lines(a => a.District, t => t.District, DistrictName));
    }

    private static EvaluationLine Line(
        string key, string nameAr, string nameEn, IReadOnlyCollection<EvaluationAlertRow> alerts, IReadOnlyCollection<EvaluationTaskRow> tasks,
        (IReadOnlyCollection<EvaluationAlertRow> Alerts, IReadOnlyCollection<EvaluationTaskRow> Tasks)? before, long now)
    {
        var current = Figures.Of(alerts, tasks, now);
        var previous = before is { } b ? Figures.Of(b.Alerts, b.Tasks, now) : null;
        return new EvaluationLine(key, nameAr, nameEn, current, previous, TrendOf(current, previous));
    }

    internal static Trend TrendOf(Figures current, Figures? previous) =>
        current.InTimePercent is not { } now || previous?.InTimePercent is not { } before ? Trend.NoComparison
        : now - before >= 1 ? Trend.Better
        : before - now >= 1 ? Trend.Worse
        : Trend.Same;

    private static (string, string) HazardName(string key) =>
        Enum.TryParse<HazardType>(key, out var type) && Hazards.All.FirstOrDefault(h => h.Type == type) is { } h ? (h.NameAr, h.NameEn) : (key, key);

    private static (string, string) DistrictName(string key) =>
        Districts.All.FirstOrDefault(d => d.Code == key) is { } d ? (d.NameAr, d.NameEn) : (key, key);
}
