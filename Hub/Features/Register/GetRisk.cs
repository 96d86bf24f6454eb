using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Register;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Register;

/// <summary>One risk as it stands and its history from the log: every version, who made it, when, why, and what changed.</summary>
public sealed class GetRisk(RegisterLog register, TimeProvider time) : IUseCase<GetRisk.Query, GetRisk.Detail>
{
    public sealed record Query(Guid RiskId);

    /// <param name="Current">The risk at its latest version.</param>
    /// <param name="History">Every version, newest first.</param>
    public sealed record Detail(RiskView Current, IReadOnlyList<Change> History);

    /// <summary>
    /// One version: who made it, when, why, the fields that differ from the version before (none for the first), and the
    /// exercise finding it came from when it was an accepted re-score (null for a person's own edit).
    /// </summary>
    public sealed record Change(int Version, long Position, string ChangedBy, DateTimeOffset ChangedAt, string? Reason, IReadOnlyList<string> Changed, ChangeSource? Source);

    public Policy Policy => Policies.SeeRegister;

    public async Task<Detail> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var versions = await register.HistoryAsync(request.RiskId, cancellationToken);
        if (versions.Count == 0)
        {
            throw Refuse.NoRisk(request.RiskId);
        }

        var history = new List<Change>(versions.Count);
        Risk? before = null;
        foreach (var version in versions)
        {
            var risk = RiskView.Read(version);
            history.Add(new Change(version.Version, version.Position, version.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(version.RecordedAt), version.Reason,
                before is null ? [] : RiskDifferences.Between(before, risk),
                version is { SourceExerciseId: { } exerciseId, SourceFindingId: { } findingId } ? new ChangeSource(exerciseId, findingId) : null));
            before = risk;
        }

        history.Reverse();
        return new Detail(RiskView.From(versions[^1], DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)), history);
    }
}
