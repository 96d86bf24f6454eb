using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Evaluation;
using Coordination.Persistence.Exercises;
using FluentValidation;

namespace Coordination.Hub.Features.Evaluation;

/// <summary>What an evaluation read covers: a period (or an exercise), chosen the same way by the figures and the drill-down.</summary>
public interface IEvaluationScope
{
    /// <summary>week, month or quarter, ending on <see cref="Ending"/> (today in Libya when not given).</summary>
    string? Period { get; }

    /// <summary>The period's last day, yyyy-MM-dd in Libya's time.</summary>
    string? Ending { get; }

    /// <summary>A chosen first day, with <see cref="Until"/>.</summary>
    string? From { get; }

    /// <summary>A chosen last day, inclusive.</summary>
    string? Until { get; }

    /// <summary>An exercise instead of a period: only its alerts and tasks.</summary>
    Guid? Exercise { get; }
}

/// <summary>The rules every evaluation read's scope follows.</summary>
public static class EvaluationScopeRules
{
    public static void AddScopeRules<T>(this AbstractValidator<T> validator)
        where T : IEvaluationScope
    {
        validator.RuleFor(q => q.Period).Must(p => p is null || EvaluationPeriod.Kinds.Contains(p)).Says(Invalid.EvaluationPeriod);
        validator.RuleFor(q => q.Ending).Must(d => d is null || EvaluationPeriod.TryParseDate(d, out _)).Says(Invalid.EvaluationDate("ending"));
        validator.RuleFor(q => q.From).Must(d => d is null || EvaluationPeriod.TryParseDate(d, out _)).Says(Invalid.EvaluationDate("from"));
        validator.RuleFor(q => q.Until).Must(d => d is null || EvaluationPeriod.TryParseDate(d, out _)).Says(Invalid.EvaluationDate("to"));
        validator.RuleFor(q => q.Until).Must((q, _) => (q.From is null) == (q.Until is null)).Says(Invalid.EvaluationFromAndTo);
        validator.RuleFor(q => q.Until)
            .Must((q, to) => EvaluationPeriod.TryParseDate(q.From, out var from) && EvaluationPeriod.TryParseDate(to, out var last)
                && last >= from && last.DayNumber - from.DayNumber < EvaluationPeriod.MaxDays)
            .When(q => EvaluationPeriod.TryParseDate(q.From, out _) && EvaluationPeriod.TryParseDate(q.Until, out _))
            .Says(Invalid.EvaluationSpan(EvaluationPeriod.MaxDays));
        validator.RuleFor(q => q.Exercise)
            .Must((q, _) => Choices(q) <= 1)
            .Says(Invalid.EvaluationOneChoice);
    }

    private static int Choices(IEvaluationScope q) =>
        (q.Exercise is null ? 0 : 1) + (q.From is null && q.Until is null ? 0 : 1) + (q.Period is null && q.Ending is null ? 0 : 1);
}

/// <summary>The alerts and tasks of one period (or exercise), as read for one caller.</summary>
public sealed record EvaluationData(EvaluationPeriod? Period, ExerciseRow? Exercise, IReadOnlyList<EvaluationAlertRow> Alerts, IReadOnlyList<EvaluationTaskRow> Tasks);

/// <summary>Reads what a scope covers, a liaison's reads kept to their own agency.</summary>
public sealed class EvaluationReader(EvaluationStore store, ExerciseStore exercises, Exercises.ExerciseLog exerciseLog, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// The scope's period (null for an exercise) and its exercise (null for a period); 404 for an unknown exercise, and
    /// for a liaison, one their agency did not take part in (as its after-action report answers them).
    /// </summary>
    public async Task<(EvaluationPeriod? Period, ExerciseRow? Exercise)> ResolveAsync(Caller caller, IEvaluationScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (scope.Exercise is { } exerciseId)
        {
            var exercise = (await exercises.ExercisesAsync(cancellationToken)).FirstOrDefault(e => e.ExerciseId == exerciseId)
                ?? throw Refuse.NoExercise(exerciseId);
            if (caller.Role == Role.Liaison
                && !((await exerciseLog.ReadAsync(exerciseId, cancellationToken))?.Started.Participants.Contains(caller.Agency, StringComparer.Ordinal) ?? false))
            {
                throw Refuse.NoExercise(exerciseId);
            }

            return (null, exercise);
        }

        if (EvaluationPeriod.TryParseDate(scope.From, out var from) && EvaluationPeriod.TryParseDate(scope.Until, out var to))
        {
            return (EvaluationPeriod.Between(EvaluationPeriod.Days, from, to), null);
        }

        var ending = EvaluationPeriod.TryParseDate(scope.Ending, out var last) ? last : EvaluationPeriod.Today(Now);
        return (EvaluationPeriod.Ending(scope.Period ?? EvaluationPeriod.Month, ending), null);
    }

    public async Task<EvaluationData> ReadAsync(Caller caller, EvaluationPeriod? period, ExerciseRow? exercise, CancellationToken cancellationToken, bool figuresOnly = false)
    {
        ArgumentNullException.ThrowIfNull(caller);
        IReadOnlyList<EvaluationAlertRow> alerts;
        IReadOnlyList<EvaluationTaskRow> tasks;
        if (exercise is not null)
        {
            alerts = await store.ExerciseAlertsAsync(exercise.ExerciseId, cancellationToken);
            tasks = await store.ExerciseTasksAsync(exercise.ExerciseId, cancellationToken);
        }
        else
        {
            // Real operations only: an exercise's alerts count in its own figures, never in a period's.
            ArgumentNullException.ThrowIfNull(period);
            alerts = await store.AlertsAsync(period.Start, period.End, isExercise: false, cancellationToken, figuresOnly);
            tasks = await store.TasksAsync(period.Start, period.End, isExercise: false, cancellationToken);
        }

        if (!caller.SeesEverything)
        {
            alerts = [.. alerts.Where(a => a.Agency == caller.Agency)];
            tasks = [.. tasks.Where(t => t.Agency == caller.Agency)];
        }

        return new EvaluationData(period, exercise, alerts, tasks);
    }
}
