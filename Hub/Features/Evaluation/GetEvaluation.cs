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
/// <param name="Change">The period's figures less the previous period's; null for an exercise.</param>
public sealed record EvaluationLine(string Key, string NameAr, string NameEn, Figures Current, Figures? Previous, Trend Trend, FiguresChange? Change);

/// <summary>How a line moved against the previous period: this period's figure less the previous one's.</summary>
/// <param name="Alerts">More (or fewer, negative) alerts received.</param>
/// <param name="InTimePercentPoints">Percentage points of alerts acknowledged in time; null when either period had none due.</param>
/// <param name="MedianSecondsToAcknowledge">Seconds slower (or faster, negative) to acknowledge, at the median; null when either had none.</param>
/// <param name="P90SecondsToAcknowledge">The same at the 90th percentile.</param>
/// <param name="AcknowledgedLate">More (or fewer) acknowledged late.</param>
/// <param name="Missed">More (or fewer) never acknowledged.</param>
/// <param name="TasksOnTime">More (or fewer) tasks completed on time.</param>
/// <param name="TasksOverdue">More (or fewer) tasks overdue.</param>
public sealed record FiguresChange(
    int Alerts, double? InTimePercentPoints, double? MedianSecondsToAcknowledge, double? P90SecondsToAcknowledge,
    int AcknowledgedLate, int Missed, int TasksOnTime, int TasksOverdue)
{
    public static FiguresChange Between(Figures current, Figures previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return new(
            current.Alerts - previous.Alerts,
            Less(current.InTimePercent, previous.InTimePercent),
            Less(current.MedianSecondsToAcknowledge, previous.MedianSecondsToAcknowledge),
            Less(current.P90SecondsToAcknowledge, previous.P90SecondsToAcknowledge),
            current.AcknowledgedLate - previous.AcknowledgedLate,
            current.Missed - previous.Missed,
            current.TasksOnTime - previous.TasksOnTime,
            current.TasksOverdue - previous.TasksOverdue);
    }

    private static double? Less(double? now, double? before) => now is { } n && before is { } b ? Math.Round(n - b, 1) : null;
}

/// <summary>An exercise named in an evaluation.</summary>
public sealed record EvaluatedExercise(Guid ExerciseId, string TitleAr, string TitleEn, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

/// <summary>The evaluation of a period (or an exercise): in total, per agency, per hazard and per district, and how long the acknowledged alerts took.</summary>
public sealed record EvaluationReport(
    EvaluationPeriod? Period,
    EvaluationPeriod? PreviousPeriod,
    EvaluatedExercise? Exercise,
    DateTimeOffset AsOf,
    EvaluationLine Total,
    IReadOnlyList<EvaluationLine> Agencies,
    IReadOnlyList<EvaluationLine> Hazards,
    IReadOnlyList<EvaluationLine> Districts,
    IReadOnlyList<TimeSpanCount> AcknowledgementTimes);

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
        var (period, exercise) = await reader.ResolveAsync(caller, request, cancellationToken);
        var asOf = reader.Now;
        var previousPeriod = period?.Previous();
        // The two periods are read at once, each on its own connection: a quarter is a hundred thousand rows, and
        // SQLite's reads complete synchronously, so the previous period's goes to another thread.
        var readingPrevious = previousPeriod is null ? null : Task.Run(() => reader.ReadAsync(caller, previousPeriod, null, cancellationToken, figuresOnly: true), cancellationToken);
        var reading = reader.ReadAsync(caller, period, exercise, cancellationToken, figuresOnly: true);
        var current = await reading;
        var previous = readingPrevious is null ? null : await readingPrevious;
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
            Lines(a => a.District, t => t.District, DistrictName),
            TimeSpanCount.Of(current.Alerts));
    }

    private static EvaluationLine Line(
        string key, string nameAr, string nameEn, IReadOnlyCollection<EvaluationAlertRow> alerts, IReadOnlyCollection<EvaluationTaskRow> tasks,
        (IReadOnlyCollection<EvaluationAlertRow> Alerts, IReadOnlyCollection<EvaluationTaskRow> Tasks)? before, long now)
    {
        var current = Figures.Of(alerts, tasks, now);
        var previous = before is { } b ? Figures.Of(b.Alerts, b.Tasks, now) : null;
        return new EvaluationLine(key, nameAr, nameEn, current, previous, TrendOf(current, previous),
            previous is null ? null : FiguresChange.Between(current, previous));
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
