using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Register;
using Coordination.Hub.Auth;
using Coordination.Hub.Features.Common;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Register;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// The register's side of the log: each risk is a stream of its own whose entries each hold the whole risk, who
/// changed it and why, so a risk's history is its timeline; the read model (<see cref="RegisterStore"/>) folds them
/// in the same transaction, which makes the register now, or as it stood on any date, one query.
/// </summary>
public sealed class RegisterLog(IEventLog log, RegisterStore store, TimeProvider time)
{
    // The register as it now stands, read and parsed once per change: reading 500 risks and their JSON for every view
    // of the register or its heat map was most of their time. Keyed by the register's latest position in the
    // database, so a change made on any hub is seen at the next read.
    private Snapshot _current = new(-1, []);

    private sealed record Snapshot(long Position, IReadOnlyList<(RiskVersionRow Row, Risk Risk)> Risks);

    /// <summary>The register as it stands at <paramref name="asOf"/> (now when null), each risk at its latest version by then.</summary>
    public async Task<IReadOnlyList<RiskView>> AsOfAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var at = asOf ?? time.GetUtcNow();
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        if (asOf is not null)
        {
            return [.. (await store.AsOfAsync(at, cancellationToken)).Select(r => RiskView.From(r, today))];
        }

        var position = await store.LatestPositionAsync(cancellationToken);
        var current = Volatile.Read(ref _current);
        if (current.Position != position)
        {
            // Read as of the far future: every version written so far, whatever the clocks of the hubs that wrote them.
            current = new Snapshot(position, [.. (await store.AsOfAsync(DateTimeOffset.MaxValue, cancellationToken)).Select(r => (r, RiskView.Read(r)))]);
            Volatile.Write(ref _current, current);
        }

        return [.. current.Risks.Select(r => RiskView.From(r.Row, r.Risk, today))];
    }

    /// <summary>Every version of a risk, oldest first; empty when there is no such risk.</summary>
    public Task<IReadOnlyList<RiskVersionRow>> HistoryAsync(Guid riskId, CancellationToken cancellationToken) => store.HistoryAsync(riskId, cancellationToken);

    /// <summary>
    /// Appends a version of <paramref name="risk"/>: its first (<paramref name="expectedVersion"/> 0) or the next after
    /// that version; another change since is a conflict (409). Returns the new version and its position.
    /// <paramref name="source"/> names the exercise finding a change came from, when it did.
    /// </summary>
    public async Task<(int Version, long Position)> AppendAsync(
        Caller caller, Risk risk, string? reason, int expectedVersion, Guid eventId, CancellationToken cancellationToken, Agencies.Contracts.Exercises.ChangeSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(risk);
        var entry = VersionEntry(caller, risk, reason, expectedVersion, eventId, time.GetUtcNow(), source);
        return await AppendVersionAsync(risk.RiskId, expectedVersion, entry, cancellationToken);
    }

    /// <summary>A risk's first version (made from version 0) or its next, by <paramref name="caller"/>.</summary>
    private static NewEvent VersionEntry(Caller caller, Risk risk, string? reason, int expectedVersion, Guid eventId, DateTimeOffset now, Agencies.Contracts.Exercises.ChangeSource? source) =>
        expectedVersion == 0
            ? Events.Create(eventId, EventTypes.RiskRecorded, new RiskRecorded(risk, caller.UserName, reason, now), caller, false)
            : Events.Create(eventId, EventTypes.RiskChanged, new RiskChanged(risk, caller.UserName, reason, now, source), caller, false);

    /// <summary>
    /// Appends a review of <paramref name="risk"/> (the risk with its new next review date) after version
    /// <paramref name="expectedVersion"/>; another change since is a conflict (409).
    /// </summary>
    public Task<(int Version, long Position)> AppendReviewAsync(Caller caller, Risk risk, DateOnly previousReview, string? note, int expectedVersion, Guid eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(risk);
        var entry = Events.Create(eventId, EventTypes.RiskReviewed, new RiskReviewed(risk, previousReview, caller.UserName, note, time.GetUtcNow()), caller, false);
        return AppendVersionAsync(risk.RiskId, expectedVersion, entry, cancellationToken);
    }

    /// <summary>
    /// Appends a version of each risk (its first, or the next after the version it was made from) in one transaction:
    /// every one is written or none is. A risk changed since fails them all (409) with a conflict naming its stream.
    /// Returns each new version and its position, in order.
    /// </summary>
    public Task<IReadOnlyList<(int Version, long Position)>> AppendAllAsync(
        Caller caller, IReadOnlyList<(Risk Risk, string? Reason, int ExpectedVersion)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(changes);
        var now = time.GetUtcNow();
        return AppendVersionsAsync([.. changes.Select(c => (c.Risk.RiskId, c.ExpectedVersion, VersionEntry(caller, c.Risk, c.Reason, c.ExpectedVersion, Guid.CreateVersion7(), now, null)))], cancellationToken);
    }

    private async Task<(int Version, long Position)> AppendVersionAsync(Guid riskId, int expectedVersion, NewEvent entry, CancellationToken cancellationToken) =>
        (await AppendVersionsAsync([(riskId, expectedVersion, entry)], cancellationToken))[0];

    // A risk's version is the stream's version at the entry that made it; an overdue review's alerts, appended by the
    // escalation scan between versions, move the stream on without changing the risk, so they must not make a change
    // made from the latest version a conflict. Each change is appended after whatever its stream holds, once the risk
    // itself is checked to be still at the version it was made from. When the log finds a stream moved on, that stream
    // alone is read again, and the append tried again, as often for each risk as one scan can append to it
    // (OverdueSteps.ChangeAttempts): an import of hundreds of overdue risks meets the scan on many of them, and
    // re-reading them all at each try would give the scan the same window every time. A try that loses writes nothing.
    private async Task<IReadOnlyList<(int Version, long Position)>> AppendVersionsAsync(
        IReadOnlyList<(Guid RiskId, int ExpectedVersion, NewEvent Entry)> changes, CancellationToken cancellationToken)
    {
        var parts = new StreamAppend[changes.Count];
        var tries = new int[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            parts[i] = await PartAsync(changes[i], cancellationToken);
        }

        while (true)
        {
            try
            {
                var appended = await log.AppendAllAsync(parts, cancellationToken);
                return [.. appended.Select(a => (a.LastVersion, a.LastPosition))];
            }
            catch (ConcurrencyConflictException ex) when (ex.StreamId is { } streamId && parts.Any(p => p.StreamId == streamId))
            {
                var moved = Array.FindIndex(parts, p => p.StreamId == streamId);
                if (++tries[moved] >= OverdueSteps.ChangeAttempts)
                {
                    throw;
                }

                // The scan (or a change on another hub) appended to this risk meanwhile: look at it again.
                parts[moved] = await PartAsync(changes[moved], cancellationToken);
            }
        }
    }

    /// <summary>The change as a part of the append, after what its stream holds now; a conflict when the risk itself moved on.</summary>
    private async Task<StreamAppend> PartAsync((Guid RiskId, int ExpectedVersion, NewEvent Entry) change, CancellationToken cancellationToken)
    {
        var (riskId, expectedVersion, entry) = change;
        var stream = await log.ReadIncidentAsync(riskId, cancellationToken);
        var latest = stream.LastOrDefault(e => e.Type is EventTypes.RiskRecorded or EventTypes.RiskChanged or EventTypes.RiskReviewed);
        if ((latest?.Version ?? ExpectedVersion.NoStream) != expectedVersion)
        {
            throw new ConcurrencyConflictException($"Risk {riskId} is at version {latest?.Version ?? 0}, not {expectedVersion}.")
            {
                StreamId = riskId, ExpectedVersion = expectedVersion, ActualVersion = latest?.Version ?? 0,
            };
        }

        return new StreamAppend(riskId, stream.Count == 0 ? ExpectedVersion.NoStream : stream[^1].Version, [entry]);
    }
}
