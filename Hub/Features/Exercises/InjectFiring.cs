using Coordination.Agencies.Contracts.Alerts;
using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Incidents;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// Fires one inject through the same use cases and writers a person's command goes through (a report through
/// <see cref="ReportIncident"/>, with its routing and plans; an update or a severity change through <see cref="PostUpdate"/>;
/// a message through <see cref="IncidentWriter"/>), as the exercise (<see cref="ExerciseCaller.Runner"/>), every entry
/// marked with the exercise. Every id derives from the exercise and the inject, so firing it again (a restart, a second
/// hub) stores nothing twice; then the inject's <see cref="InjectFired"/> is appended, once.
/// </summary>
public sealed class InjectFiring(ReportIncident reports, PostUpdate updates, IncidentWriter writer, ExerciseLog exercises, IOptions<AlertOptions> alerts, TimeProvider time)
{
    /// <summary>The rule id on an alert a message inject raises.</summary>
    public const string MessageRule = "exercise-inject";

    /// <summary>The incident an exercise's scenario names <paramref name="key"/>: the same id on every hub and after every restart.</summary>
    public static Guid IncidentIdFor(Guid exerciseId, string key) => DerivedEventId.Create(ReportKey(exerciseId, key), "incident");

    /// <summary>Fires inject <paramref name="number"/> (from 1) of the exercise; returns false when another hub had fired it first.</summary>
    public async Task<bool> FireAsync(ExerciseState exercise, int number, Inject inject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(inject);
        var exerciseId = exercise.ExerciseId;
        var incidentId = IncidentIdFor(exerciseId, inject.Incident);
        var key = DerivedEventId.Create(exerciseId, $"inject:{number}:command");
        long position = 0;
        string? refused = null;
        try
        {
            position = inject.Kind switch
            {
                InjectKind.Report => (await reports.ReportAsync(ExerciseCaller.Runner, Report(exercise, inject), new ExerciseScope(exerciseId, exercise.Started.Participants), cancellationToken)).Position,
                InjectKind.Update or InjectKind.Severity => (await updates.HandleAsync(ExerciseCaller.Runner,
                    new PostUpdate.Command(incidentId, key, Both(inject.TextAr, inject.TextEn), inject.Kind == InjectKind.Severity ? inject.Severity : null, null), cancellationToken)).Position,
                InjectKind.Message => (await MessageAsync(incidentId, key, inject, cancellationToken)).Position,
                _ => throw new InvalidOperationException($"Inject {number} has an unknown kind {inject.Kind}."),
            };
        }
        catch (RefusalException ex)
        {
            // The players changed the incident under the scenario (closed it, say): the refusal is recorded, the exercise goes on.
            refused = ex.Detail.English;
        }

        var now = time.GetUtcNow();
        return await exercises.AppendDerivedAsync(exerciseId, $"inject:{number}", EventTypes.InjectFired,
            new InjectFired(exerciseId, number, inject.Kind, incidentId, position, now, exercise.MinutesAt(now), refused), cancellationToken);
    }

    private static ReportIncidentRequest Report(ExerciseState exercise, Inject inject) => new(
        ReportKey(exercise.ExerciseId, inject.Incident),
        inject.Hazard,
        null,
        inject.Severity,
        Urgency.Immediate,
        Certainty.Observed,
        $"{inject.TitleAr} — {inject.TitleEn}",
        inject.TextAr is null && inject.TextEn is null ? null : Both(inject.TextAr, inject.TextEn),
        inject.District,
        inject.Municipality,
        null,
        null,
        null,
        Classification.Public,
        null,
        true);

    // A message goes to its agencies: those not yet alerted on the incident are alerted (only the exercise's own
    // participants, which the scenario's checks hold it to), and the text is posted as an update naming them.
    private Task<CommandResponse> MessageAsync(Guid incidentId, Guid key, Inject inject, CancellationToken cancellationToken) =>
        writer.AppendAsync(ExerciseCaller.Runner, new MessageCommand(incidentId, key), (incident, eventId, _) =>
        {
            var board = incident.Board;
            if (board.Status == IncidentStatus.Closed)
            {
                throw Refuse.IncidentClosed(board.Reference);
            }

            var now = time.GetUtcNow();
            var alerted = incident.Alerts.Select(a => a.Agency).ToHashSet(StringComparer.Ordinal);
            var events = inject.Agencies
                .Where(a => !alerted.Contains(a) && (board.ExerciseParticipants.Length == 0 || board.ExerciseParticipants.Contains(a)))
                .Select(a => Events.Create(DerivedEventId.Create(eventId, "alert:" + a), EventTypes.AgencyAlerted,
                    new AgencyAlerted(incidentId, a, board.Hazard, board.Severity, board.District, board.Title, MessageRule, now, now + alerts.Value.AcknowledgeWithin(board.Severity), true),
                    ExerciseCaller.Runner, true, board.ExerciseId))
                .ToList();
            events.Add(Events.Create(eventId, EventTypes.IncidentUpdated,
                new IncidentUpdated(incidentId, $"→ {string.Join(", ", inject.Agencies)}: {Both(inject.TextAr, inject.TextEn)}", null, ExerciseCaller.Runner.UserName, ExerciseCaller.Runner.Agency, now),
                ExerciseCaller.Runner, true, board.ExerciseId));
            return Task.FromResult<IReadOnlyList<NewEvent>>(events);
        }, cancellationToken);

    private static Guid ReportKey(Guid exerciseId, string key) => DerivedEventId.Create(exerciseId, "incident:" + key);

    // Arabic first, English beside it, as everything the hub shows.
    private static string Both(string? arabic, string? english) =>
        string.Join("\n", new[] { arabic, english }.Where(t => !string.IsNullOrWhiteSpace(t)));

    private sealed record MessageCommand(Guid IncidentId, Guid? EventId) : IIncidentCommand
    {
        public int? ExpectedVersion => null;
    }
}
