using System.Collections.Concurrent;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Persistence.Exercises;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// Runs the exercises, on every hub, on the hub's clock (<see cref="TimeProvider"/>): every scan interval it reads each
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
    IOptions<ExerciseOptions> options,
    TimeProvider time,
    ILogger<ExerciseRunner> logger) : BackgroundService
{
    // A scenario version never changes, so each is read once.
    private readonly ConcurrentDictionary<(Guid, int), Scenario> _scenarios = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        while (true)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HubLogMessages.ExerciseRunFailed(logger, ex);
            }

            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Does what is due now in every running exercise; returns how many injects this hub fired.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        foreach (var exerciseId in await store.RunningAsync(cancellationToken))
        {
            fired += await StepAsync(exerciseId, cancellationToken);
        }

        return fired;
    }

    private async Task<int> StepAsync(Guid exerciseId, CancellationToken cancellationToken)
    {
        if (await exercises.ReadAsync(exerciseId, cancellationToken) is not { Status: ExerciseStatus.Running } exercise)
        {
            return 0;
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

        return fired;
    }
}
