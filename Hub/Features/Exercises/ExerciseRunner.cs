using System.Collections.Concurrent;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.Exercises;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// Runs the exercises, on every hub, on the hub's clock (<see cref="TimeProvider"/>): every scan interval, and at the
/// moment the next inject falls due when that comes first, it reads each
/// running exercise from its stream, works out its clock (pauses left out, the speed applied), fires the injects that have
/// fallen due in their order, lets the simulated responder play, and marks the exercise completed once every inject has
/// fired and its duration has passed. Everything it appends has an id derived from the exercise, so a restart picks up
/// at the right inject and two hubs fire each inject once.
/// </summary>
public sealed class ExerciseRunner(
    ExerciseStore store,
    ExerciseLog exercises,
    ScenarioLog scenarios,
    InjectFiring firing,
    SimulatedResponder responder,
    ExerciseWakeUp wakeUp,
    IOptions<ExerciseOptions> options,
    TimeProvider time,
    ILogger<ExerciseRunner> logger) : BackgroundService
{
    // Waiting less than this for an inject due a moment later spins for nothing: the inject fires on this run or the next.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(5);

    // A scenario version never changes, so each is read once.
    private readonly ConcurrentDictionary<(Guid, int), Scenario> _scenarios = new();

    // When the earliest inject not fired yet of the running exercises falls due (UTC ticks), as the last run saw it.
    private long _nextDueTicks = long.MaxValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLogMessages.ExerciseRunFailed(logger, ex);
                // A failed run tries again after the scan interval, not at once and over and over.
                Interlocked.Exchange(ref _nextDueTicks, long.MaxValue);
            }

            try
            {
                await wakeUp.WaitAsync(UntilNextRun(), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // The next inject's own time when it comes before the next scan: a scan a second fired the injects of a second
    // together, late by up to the interval and bunched, which a player sees and the bench measured (S13). The scan
    // still runs at its interval for the simulated responders and what other hubs start; a start here wakes it (ExerciseWakeUp).
    private TimeSpan UntilNextRun()
    {
        var interval = options.Value.ScanInterval;
        var next = Interlocked.Read(ref _nextDueTicks);
        if (next == long.MaxValue)
        {
            return interval;
        }

        var wait = new DateTimeOffset(next, TimeSpan.Zero) - time.GetUtcNow();
        return wait < interval ? (wait > MinimumWait ? wait : MinimumWait) : interval;
    }

    /// <summary>Does what is due now in every running exercise; returns how many injects this hub fired.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        var nextDue = DateTimeOffset.MaxValue;
        foreach (var exerciseId in await store.RunningAsync(cancellationToken))
        {
            var (firedHere, dueHere) = await StepAsync(exerciseId, cancellationToken);
            fired += firedHere;
            nextDue = dueHere < nextDue ? dueHere : nextDue;
        }

        Interlocked.Exchange(ref _nextDueTicks, nextDue == DateTimeOffset.MaxValue ? long.MaxValue : nextDue.UtcTicks);
        return fired;
    }

    // What this hub fired of the exercise now, and when (real time) its next inject falls due.
    private async Task<(int Fired, DateTimeOffset NextDue)> StepAsync(Guid exerciseId, CancellationToken cancellationToken)
    {
        if (await exercises.ReadAsync(exerciseId, cancellationToken) is not { Status: ExerciseStatus.Running } exercise)
        {
            return (0, DateTimeOffset.MaxValue);
        }

        var started = exercise.Started;
        if (!_scenarios.TryGetValue((started.ScenarioId, started.ScenarioVersion), out var scenario))
        {
            scenario = await scenarios.VersionAsync(started.ScenarioId, started.ScenarioVersion, cancellationToken)
                ?? throw new InvalidOperationException($"Exercise {exerciseId} plays scenario {started.ScenarioCode} v{started.ScenarioVersion}, which the library does not hold.");
            _scenarios[(started.ScenarioId, started.ScenarioVersion)] = scenario;
        }

        var fired = 0;
        var minutes = exercise.MinutesAt(time.GetUtcNow());
        for (var number = 1; number <= scenario.Injects.Count && scenario.Injects[number - 1].AtMinutes <= minutes; number++)
        {
            // In order: an inject acts on the incident an earlier one reported.
            if (!exercise.Fired.ContainsKey(number) && await firing.FireAsync(exercise, number, scenario.Injects[number - 1], cancellationToken))
            {
                fired++;
            }
        }

        // The responder sees the incidents fired just now too.
        exercise = await exercises.ReadAsync(exerciseId, cancellationToken) ?? exercise;
        await responder.RespondAsync(exercise, time.GetUtcNow(), cancellationToken);
        if (exercise.Fired.Count == scenario.Injects.Count && minutes >= scenario.DurationMinutes)
        {
            var now = time.GetUtcNow();
            await exercises.AppendDerivedAsync(exerciseId, "completed", EventTypes.ExerciseCompleted,
                new ExerciseCompleted(exerciseId, now, Math.Min(exercise.MinutesAt(now), scenario.DurationMinutes)), cancellationToken);
        }

        var next = scenario.Injects.Select((inject, i) => (inject, number: i + 1)).FirstOrDefault(x => !exercise.Fired.ContainsKey(x.number)).inject;
        var nextDue = next is null ? DateTimeOffset.MaxValue
            : time.GetUtcNow().AddMinutes(Math.Max(0, next.AtMinutes - exercise.MinutesAt(time.GetUtcNow())) / exercise.Started.Speed);
        return (fired, nextDue);
    }
}
