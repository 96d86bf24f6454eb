using Coordination.Agencies.Contracts.Plans;
using Coordination.Dispatch.Plans;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Plans;

/// <summary>One plan as it stands and its history from the log: every version, who made it, when, why, and what changed.</summary>
public sealed class GetPlan(PlanLog plans, Persistence.Exercises.ExerciseStore exercises) : IUseCase<GetPlan.Query, GetPlan.Detail>
{
    public sealed record Query(Guid PlanId);

    /// <param name="Current">The plan at its latest version.</param>
    /// <param name="History">Every version, newest first.</param>
    /// <param name="Proposals">
    /// Changes exercises' findings proposed for the plan and what was decided, newest first: an accepted one is for the
    /// plan's editor to make, as a new version.
    /// </param>
    public sealed record Detail(PlanView Current, IReadOnlyList<Change> History, IReadOnlyList<ProposalDecision> Proposals);

    /// <summary>A decision on an exercise finding's proposal to change the plan, with the entry that recorded it.</summary>
    public sealed record ProposalDecision(Guid ExerciseId, Guid FindingId, bool Accepted, string Reason, string DecidedBy, DateTimeOffset DecidedAt, long Position);

    /// <summary>One version: who made it, when, why, and the fields that differ from the version before (none for the first).</summary>
    public sealed record Change(int Version, long Position, string ChangedBy, DateTimeOffset ChangedAt, string? Reason, IReadOnlyList<string> Changed, ContingencyPlan Plan);

    public Policy Policy => Policies.SeePlans;

    public async Task<Detail> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var versions = await plans.HistoryAsync(request.PlanId, cancellationToken);
        if (versions.Count == 0)
        {
            throw Refuse.NoPlan(request.PlanId.ToString());
        }

        var history = new List<Change>(versions.Count);
        ContingencyPlan? before = null;
        foreach (var version in versions)
        {
            var plan = PlanLibrary.Read(version);
            history.Add(new Change(version.Version, version.Position, version.ChangedBy, DateTimeOffset.FromUnixTimeMilliseconds(version.RecordedAt), version.Reason,
                before is null ? [] : PlanDifferences.Between(before, plan), plan));
            before = plan;
        }

        history.Reverse();
        var proposals = await exercises.ProposalDecisionsForAsync(request.PlanId, cancellationToken);
        return new Detail(PlanView.From(versions[^1]), history,
            [.. proposals.Select(p => new ProposalDecision(p.ExerciseId, p.FindingId, p.Accepted, p.Reason, p.DecidedBy, DateTimeOffset.FromUnixTimeMilliseconds(p.DecidedAt), p.Position))]);
    }
}
