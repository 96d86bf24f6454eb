using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// A controller starts an exercise from a scenario at its latest version: at a speed (real time up to 60x), with the
/// scenario's participants or some of them, and agencies the simulated responder plays. T+0 is now; the runner fires the
/// injects from there. The idempotency key (EventId) makes a retry answer with the exercise it started.
/// </summary>
public sealed class StartExercise(ScenarioLog scenarios, ExerciseLog exercises, IEventLog log, ReadModels board, ExerciseWakeUp wakeUp, TimeProvider time) : IUseCase<StartExercise.Request, ExerciseView>
{
    public const double MaxSpeed = 60;

    /// <summary>What to start.</summary>
    /// <param name="EventId">Idempotency key; a retry with the same key starts nothing more.</param>
    /// <param name="Scenario">The scenario's code.</param>
    /// <param name="Speed">Exercise minutes per real minute, 1 to 60; 1 when omitted.</param>
    /// <param name="Participants">The agencies in play, among the scenario's; all of the scenario's when omitted.</param>
    /// <param name="Simulated">Participants the simulated responder plays, each acknowledging after a delay or never.</param>
    public sealed record Request(Guid? EventId, string? Scenario, double? Speed, IReadOnlyList<string?>? Participants, IReadOnlyList<SimulatedRequest?>? Simulated);

    /// <summary>An agency for the simulated responder: it acknowledges after <paramref name="AcknowledgeAfterMinutes"/> exercise minutes, or never (null).</summary>
    public sealed record SimulatedRequest(string? Agency, double? AcknowledgeAfterMinutes);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(ScenarioLog scenarios, AgencyDirectory agencies)
        {
            RuleFor(r => r.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
            RuleFor(r => r.Speed).InclusiveBetween(1, MaxSpeed).Says(Invalid.Speed);
            RuleFor(r => r.Scenario).CustomAsync(async (code, context, cancellationToken) =>
            {
                var scenario = (await scenarios.LatestAsync(cancellationToken)).FirstOrDefault(s => s.Scenario.Code == code)?.Scenario;
                if (scenario is null)
                {
                    context.AddFailure(new ValidationFailure("scenario", Invalid.ScenarioRequired.ToString()));
                    return;
                }

                var request = context.InstanceToValidate;
                var participants = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (agency, i) in (request.Participants ?? scenario.Participants).Select((a, i) => (a, i)))
                {
                    if (agency is null || !agencies.Exists(agency))
                    {
                        context.AddFailure(new ValidationFailure($"participants[{i}]", Invalid.UnknownAgency(agency).ToString()));
                    }
                    else if (!scenario.Participants.Contains(agency))
                    {
                        context.AddFailure(new ValidationFailure($"participants[{i}]", Invalid.NotAParticipant(agency).ToString()));
                    }
                    else
                    {
                        participants.Add(agency);
                    }
                }

                if (request.Participants is { Count: 0 })
                {
                    context.AddFailure(new ValidationFailure("participants", Invalid.ParticipantsRequired.ToString()));
                }

                foreach (var (simulated, i) in (request.Simulated ?? []).Select((s, i) => (s, i)))
                {
                    if (simulated?.Agency is not { } agency || !participants.Contains(agency))
                    {
                        context.AddFailure(new ValidationFailure($"simulated[{i}].agency", Invalid.NotAParticipant(simulated?.Agency).ToString()));
                    }

                    if (simulated?.AcknowledgeAfterMinutes is { } delay && delay is < 0 or > 1440)
                    {
                        context.AddFailure(new ValidationFailure($"simulated[{i}].acknowledgeAfterMinutes", Invalid.SimulatedDelay.ToString()));
                    }
                }
            });
        }
    }

    public Policy Policy => Policies.ControlExercise;

    public async Task<ExerciseView> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var view = (await scenarios.LatestAsync(cancellationToken)).First(s => s.Scenario.Code == request.Scenario);
        var eventId = request.EventId ?? Guid.CreateVersion7();
        // The exercise's id follows from the idempotency key, so a retried start finds the exercise it started.
        var exerciseId = request.EventId is { } key ? DerivedEventId.Create(key, "exercise") : Guid.CreateVersion7();
        var participants = request.Participants?.OfType<string>().Distinct(StringComparer.Ordinal).ToArray() ?? [.. view.Scenario.Participants];
        var simulated = (request.Simulated ?? []).OfType<SimulatedRequest>().DistinctBy(s => s.Agency)
            .Select(s => new SimulatedAgency(s.Agency!, s.AcknowledgeAfterMinutes)).ToArray();
        var started = new ExerciseStarted(exerciseId, view.Scenario.ScenarioId, view.Scenario.Code, view.Version, view.Scenario.TitleAr, view.Scenario.TitleEn,
            request.Speed ?? 1, participants, simulated, caller.UserName, time.GetUtcNow());
        try
        {
            await log.AppendAsync(exerciseId, ExpectedVersion.NoStream,
                [Events.Create(eventId, EventTypes.ExerciseStarted, started, caller, true, exerciseId)], cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Started already by this key's first attempt: answered with that exercise.
        }

        // Its first injects fire now, not at the runner's next scan.
        wakeUp.Wake();

        var exercise = await exercises.ReadAsync(exerciseId, cancellationToken) ?? throw Refuse.NoExercise(exerciseId);
        var scenario = await scenarios.VersionAsync(exercise.Started.ScenarioId, exercise.Started.ScenarioVersion, cancellationToken) ?? view.Scenario;
        return await ExerciseView.OfAsync(exercise, scenario, board, time.GetUtcNow(), cancellationToken);
    }
}
