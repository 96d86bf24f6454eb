using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;

namespace Coordination.Hub.Features.Exercises;

/// <summary>Where an exercise stands.</summary>
public enum ExerciseStatus
{
    Running,
    Paused,
    Aborted,
    Completed,
}

/// <summary>
/// An exercise folded from its stream: how it was started, its clock (the real stretches it ran, each with the exercise
/// time it began at, so pauses are left out and the speed applied), where it stands, and the injects already fired.
/// </summary>
public sealed class ExerciseState
{
    private readonly List<Run> _runs = [];
    private readonly Dictionary<int, InjectFired> _fired = [];
    private readonly List<ExerciseFinding> _findings = [];

    private ExerciseState(ExerciseStarted started) => Started = started;

    public ExerciseStarted Started { get; }

    public Guid ExerciseId => Started.ExerciseId;

    /// <summary>The stream's version: the next control is appended after it.</summary>
    public int Version { get; private set; }

    public ExerciseStatus Status { get; private set; } = ExerciseStatus.Running;

    public DateTimeOffset? EndedAt { get; private set; }

    public string? AbortReason { get; private set; }

    /// <summary>The injects fired, by number (from 1).</summary>
    public IReadOnlyDictionary<int, InjectFired> Fired => _fired;

    /// <summary>The evaluators' findings, in the order recorded, each with the decision on its proposal once made.</summary>
    public IReadOnlyList<ExerciseFinding> Findings => _findings;

    /// <summary>True while it has not been aborted or completed.</summary>
    public bool IsUnderway => Status is ExerciseStatus.Running or ExerciseStatus.Paused;

    /// <summary>The exercise's stream folded; null for a stream that is not an exercise.</summary>
    public static ExerciseState? Fold(IReadOnlyList<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0 || entries[0].Type != EventTypes.ExerciseStarted)
        {
            return null;
        }

        var started = entries[0].DataAs<ExerciseStarted>();
        var state = new ExerciseState(started);
        state._runs.Add(new Run(started.StartedAt, null, 0));
        foreach (var entry in entries)
        {
            state.Version = entry.Version;
            switch (entry.Type)
            {
                case EventTypes.ExercisePaused:
                    state.Stop(entry.DataAs<ExercisePaused>().At);
                    state.Status = ExerciseStatus.Paused;
                    break;
                case EventTypes.ExerciseResumed:
                    var resumed = entry.DataAs<ExerciseResumed>();
                    state._runs.Add(new Run(resumed.At, null, resumed.ExerciseMinutes));
                    state.Status = ExerciseStatus.Running;
                    break;
                case EventTypes.ExerciseAborted:
                    var aborted = entry.DataAs<ExerciseAborted>();
                    state.Stop(aborted.At);
                    (state.Status, state.EndedAt, state.AbortReason) = (ExerciseStatus.Aborted, aborted.At, aborted.Reason);
                    break;
                case EventTypes.ExerciseCompleted:
                    var completed = entry.DataAs<ExerciseCompleted>();
                    state.Stop(completed.At);
                    (state.Status, state.EndedAt) = (ExerciseStatus.Completed, completed.At);
                    break;
                case EventTypes.InjectFired:
                    var fired = entry.DataAs<InjectFired>();
                    state._fired.TryAdd(fired.Number, fired);
                    break;
                case EventTypes.ExerciseFindingRecorded:
                    state._findings.Add(new ExerciseFinding(entry.DataAs<ExerciseFindingRecorded>(), entry.Position, null, null));
                    break;
                case EventTypes.ExerciseProposalDecided:
                    var decided = entry.DataAs<ExerciseProposalDecided>();
                    var index = state._findings.FindIndex(f => f.Finding.FindingId == decided.FindingId);
                    if (index >= 0 && state._findings[index].Decision is null)
                    {
                        state._findings[index] = state._findings[index] with { Decision = decided, DecisionPosition = entry.Position };
                    }

                    break;
            }
        }

        return state;
    }

    /// <summary>
    /// The exercise's clock, in exercise minutes since T+0, at the real moment <paramref name="at"/>: the stretches it ran
    /// up to then, each at its speed; a pause adds nothing.
    /// </summary>
    public double MinutesAt(DateTimeOffset at)
    {
        var minutes = 0.0;
        foreach (var run in _runs.Where(r => r.From <= at))
        {
            var end = run.To is { } to && to < at ? to : at;
            minutes = run.MinutesAtFrom + (Math.Max(0, (end - run.From).TotalMilliseconds) / 60_000 * Started.Speed);
        }

        return minutes;
    }

    private void Stop(DateTimeOffset at)
    {
        if (_runs[^1].To is null)
        {
            _runs[^1] = _runs[^1] with { To = at };
        }
    }

    private sealed record Run(DateTimeOffset From, DateTimeOffset? To, double MinutesAtFrom);
}

/// <summary>An evaluator's finding on an exercise, and the decision on what it proposes.</summary>
/// <param name="Finding">The finding as recorded.</param>
/// <param name="Position">The position of the entry that recorded it.</param>
/// <param name="Decision">The decision on its proposal; null while undecided or when it proposes nothing.</param>
/// <param name="DecisionPosition">The position of the decision's entry.</param>
public sealed record ExerciseFinding(ExerciseFindingRecorded Finding, long Position, ExerciseProposalDecided? Decision, long? DecisionPosition)
{
    /// <summary>The risk or plan its proposal is about; null when it proposes nothing.</summary>
    public Guid? TargetId => Finding.Rescore?.RiskId ?? Finding.PlanChange?.PlanId;
}
