using Coordination.Agencies.Contracts.Commands;
using Coordination.Dispatch.Reports;
using Coordination.Hub.Auth;
using Coordination.Persistence.EventLog;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// Appends one command's event to an existing incident: read what the caller may see, decide, append at
/// the version read. Commands on one incident take turns in this hub, so the liaisons of every agency a
/// flood alerts can acknowledge at the same moment without finding the incident changed under them (they
/// used to race on its version, and with six at once the last ran out of retries and was answered 409).
/// When the caller named no expected version, a conflict with an append made elsewhere (another hub,
/// escalation) is resolved by reading and deciding again; when the caller did name one, the conflict is
/// theirs to see (409).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The turns are only awaited, never asked for their wait handles, so they hold nothing to release.")]
public sealed class IncidentWriter(IEventLog log, IncidentAccess access, ResentEvents resent)
{
    // Each conflict means another append to the incident committed, so retrying makes progress; the escalation
    // scanner appends one step per overdue alert, so a flood's acknowledgement can meet a dozen in a row.
    private const int Attempts = 50;

    // Turns by incident, striped so that the set stays fixed however many incidents there are; two incidents
    // sharing a stripe only wait for each other's commit.
    private readonly SemaphoreSlim[] _turns = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// Appends the event <paramref name="decide"/> makes of the incident as the caller may see it, given the event id
    /// to use (the command's idempotency key, or a new id).
    /// </summary>
    public Task<CommandResponse> AppendAsync(Caller caller, IIncidentCommand command, Func<VisibleIncident, Guid, NewEvent> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return AppendAsync(caller, command, (incident, eventId, _) => Task.FromResult<IReadOnlyList<NewEvent>>([decide(incident, eventId)]), cancellationToken);
    }

    /// <summary>
    /// Appends the events <paramref name="decide"/> makes, in one transaction: a command whose decision reads more than
    /// the incident and its alerts (a plan's tasks), or appends more than its own entry (an update that activates a plan).
    /// </summary>
    public Task<CommandResponse> AppendAsync(Caller caller, IIncidentCommand command, Func<VisibleIncident, Guid, CancellationToken, Task<IReadOnlyList<NewEvent>>> decide, CancellationToken cancellationToken) =>
        AppendAsync(caller, command, access.GetVisibleAsync, decide, cancellationToken);

    /// <summary>
    /// As above, reading the incident through <paramref name="read"/>: a command that a role reads differently from
    /// how it sees incidents (an administrator changing a clearance sees the incident's metadata only).
    /// </summary>
    public async Task<CommandResponse> AppendAsync(Caller caller, IIncidentCommand command, Func<Caller, Guid, CancellationToken, Task<VisibleIncident>> read,
        Func<VisibleIncident, Guid, CancellationToken, Task<IReadOnlyList<NewEvent>>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(decide);
        var (incidentId, expectedVersion) = (command.IncidentId, command.ExpectedVersion);
        var eventId = command.EventId ?? Guid.CreateVersion7();
        var turn = _turns[(incidentId.GetHashCode() & int.MaxValue) % _turns.Length];
        await turn.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var incident = await read(caller, incidentId, cancellationToken);
                IReadOnlyList<NewEvent> decided;
                try
                {
                    decided = await decide(incident, eventId, cancellationToken);
                }
                catch (Exception ex) when (ex is RefusalException or FluentValidation.ValidationException)
                {
                    // A retry of a command already stored is answered as the success it was, whatever changed
                    // since (an acknowledgement retried is refused as already made). Looked up only here: on
                    // the usual way the log itself answers a stored event id as a duplicate.
                    if (await resent.FindAsync(eventId, incidentId, cancellationToken) is { } stored)
                    {
                        var last = await resent.LastAppendedWithAsync(stored, cancellationToken);
                        return new CommandResponse(incidentId, last.Position, last.Version, WasDuplicate: true);
                    }

                    throw;
                }

                try
                {
                    var result = await log.AppendAsync(incidentId, expectedVersion ?? incident.Board.Version, decided, cancellationToken);
                    return new CommandResponse(incidentId, result.LastPosition, result.LastVersion, result.WasDuplicate);
                }
                catch (ConcurrencyConflictException)
                {
                    // The log refuses an event id stored for another incident as a conflict too: that one is named.
                    _ = await resent.FindAsync(eventId, incidentId, cancellationToken);
                    if (expectedVersion is not null || attempt == Attempts)
                    {
                        throw;
                    }
                }
            }
        }
        finally
        {
            turn.Release();
        }
    }
}
