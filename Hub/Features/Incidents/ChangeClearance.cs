using Coordination.Agencies.Contracts.Commands;
using Coordination.Agencies.Contracts.Incidents;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Incidents;

/// <summary>
/// The duty office, a commander or an administrator changes who is cleared for a restricted incident, saying why:
/// one <see cref="ClearanceChanged"/> entry with the whole cleared list after it, then an alert for each agency
/// granted (alerted and escalated like the report's agencies), in one transaction. A revoked agency sees the
/// incident's entries up to the change and none from it on (live, catch-up, heartbeat: <c>Persistence/Visibility</c>),
/// and no longer finds the incident in its board, inbox or details. At least one agency stays cleared; a public
/// incident has no clearance (409); a closed one takes no new agency (409) but can still lose one.
/// </summary>
public sealed class ChangeClearance(IncidentWriter writer, IncidentAccess access, AlertPlanner planner, TimeProvider time) : IUseCase<ChangeClearance.Command, CommandResponse>
{
    public sealed record Command(Guid IncidentId, Guid? EventId, IReadOnlyList<string>? Grant, IReadOnlyList<string>? Revoke, string? Reason, int? ExpectedVersion) : IIncidentCommand
    {
        public static Command From(Guid incidentId, ChangeClearanceRequest? request) =>
            new(incidentId, request?.EventId, request?.Grant, request?.Revoke, request?.Reason, request?.ExpectedVersion);
    }

    public sealed class Validator : IncidentCommandValidator<Command>
    {
        public Validator(AgencyDirectory agencies)
        {
            RuleFor(r => r.Grant).Must((r, grant) => grant is { Count: > 0 } || r.Revoke is { Count: > 0 }).Says(Invalid.ClearanceChangeEmpty);
            // A revoke of the duty office stays allowed: it is how a clearance granted before this check is undone.
            RuleForEach(r => r.Grant).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a))
                .Must(a => !agencies.IsDutyOffice(a)).Says(a => Invalid.DutyOfficeNotAlerted(a));
            RuleForEach(r => r.Revoke).Must(agencies.Exists).Says(a => Invalid.UnknownAgency(a))
                .Must((r, agency) => r.Grant is null || !r.Grant.Contains(agency, StringComparer.Ordinal)).Says(a => Invalid.GrantedAndRevoked(a));
            RuleFor(r => r.Reason).NotEmpty().Says(Invalid.ClearanceReasonRequired).SafeText(1000, multiline: true, "السبب");
        }
    }

    public Policy Policy => Policies.ChangeClearance;

    public Task<CommandResponse> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var grant = (request.Grant ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var revoke = (request.Revoke ?? []).Distinct(StringComparer.Ordinal).ToArray();
        return writer.AppendAsync(caller, request, access.GetForClearanceAsync, (incident, eventId, _) =>
        {
            var board = incident.Board;
            if (board.Classification != Classification.Restricted)
            {
                throw Refuse.ClearanceOnlyWhenRestricted(board.Reference);
            }

            if (grant.Length > 0 && board.Status == IncidentStatus.Closed)
            {
                throw Refuse.IncidentClosed(board.Reference);
            }

            var cleared = board.ClearedAgencies;
            var failures = new List<ValidationFailure>();
            failures.AddRange(grant.Where(a => cleared.Contains(a, StringComparer.Ordinal)).Select(a => new ValidationFailure(nameof(Command.Grant), Invalid.AlreadyCleared(a).ToString())));
            failures.AddRange(revoke.Where(a => !cleared.Contains(a, StringComparer.Ordinal)).Select(a => new ValidationFailure(nameof(Command.Revoke), Invalid.NotCleared(a).ToString())));
            string[] after = [.. cleared.Except(revoke, StringComparer.Ordinal), .. grant];
            if (failures.Count == 0 && after.Length == 0)
            {
                failures.Add(new ValidationFailure(nameof(Command.Revoke), Invalid.ClearanceLeavesNobody.ToString()));
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            var now = time.GetUtcNow();
            var changed = new ClearanceChanged(request.IncidentId, grant, revoke, after, request.Reason!.Trim(), caller.UserName, now);
            IReadOnlyList<NewEvent> events =
            [
                Events.Create(eventId, EventTypes.ClearanceChanged, changed, caller, board.IsExercise),
                // After the change, so a granted agency sees the incident from its alert on, as the report's agencies do.
                .. planner.ClearanceAlertsFor(eventId, caller.UserName, caller.Agency,
                    new AlertedIncident(board.IncidentId, board.Hazard, board.Severity, board.District, board.Title, board.IsExercise), grant, now),
            ];
            return Task.FromResult(events);
        }, cancellationToken);
    }
}
