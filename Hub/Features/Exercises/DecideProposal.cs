using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Features.Register;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// Accepts or declines what an exercise's finding proposes, with a reason, as an <c>ExerciseProposalDecided</c> entry on
/// the exercise's stream; once only. Administrators decide any proposal, a liaison only one for a risk or plan their
/// agency leads. Accepting a re-score changes the risk through the register's own change path (<see cref="RiskWriter"/>),
/// the change naming the exercise and the finding it came from, so the risk's history shows it. Accepting a plan change
/// records the decision, which the plan's history lists; the plan's editor then makes the change as a new version.
/// </summary>
public sealed class DecideProposal(ExerciseLog exercises, RegisterLog register, RiskWriter writer, PlanLog plans, TimeProvider time)
    : IUseCase<DecideProposal.Command, DecideProposal.Decided>
{
    /// <summary>The decision as sent: accept (true) or decline (false), and why.</summary>
    public sealed record Request(bool? Accept, string? Reason);

    public sealed record Command(Guid ExerciseId, Guid FindingId, bool? Accept, string? Reason)
    {
        public static Command From(Guid exerciseId, Guid findingId, Request? request) => new(exerciseId, findingId, request?.Accept, request?.Reason);
    }

    /// <summary>The decision: its entry's position, and the position of the risk's change it made (null when none).</summary>
    public sealed record Decided(Guid ExerciseId, Guid FindingId, bool Accepted, long Position, long? ChangePosition);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Accept).NotNull().Says(Invalid.DecisionRequired);
            RuleFor(c => c.Reason).NotEmpty().Says(Invalid.DecisionReasonRequired).SafeText(500, multiline: true, "سبب القرار");
        }
    }

    public Policy Policy => Policies.DecideProposal;

    public async Task<Decided> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var state = await exercises.ReadAsync(request.ExerciseId, cancellationToken) ?? throw Refuse.NoExercise(request.ExerciseId);
        var finding = Undecided(state, request.FindingId);
        var accept = request.Accept!.Value;
        var reason = request.Reason!.Trim();
        long? changed = null;
        if (finding.Finding.Rescore is { } rescore)
        {
            changed = await RescoreAsync(caller, finding.Finding, rescore, accept, reason, cancellationToken);
        }
        else if (finding.Finding.PlanChange is { } change)
        {
            var plan = (await plans.LatestAsync(cancellationToken)).FirstOrDefault(p => p.Plan.PlanId == change.PlanId)?.Plan
                ?? throw Refuse.NoPlan(change.PlanId.ToString());
            if (caller.Role == Role.Liaison && plan.LeadAgency != caller.Agency)
            {
                throw Refuse.NotYourAgencysPlan(plan.Code, plan.LeadAgency);
            }
        }

        var decided = await exercises.ControlAsync(request.ExerciseId, s =>
        {
            var current = Undecided(s, request.FindingId);
            return Events.Create(DerivedEventId.Create(request.FindingId, "decision"), EventTypes.ExerciseProposalDecided,
                new ExerciseProposalDecided(s.ExerciseId, request.FindingId, accept, reason, current.TargetId!.Value, caller.UserName, caller.Agency, time.GetUtcNow(), changed),
                caller, true, s.ExerciseId);
        }, cancellationToken);
        var recorded = decided.Findings.Single(f => f.Finding.FindingId == request.FindingId);
        return new Decided(request.ExerciseId, request.FindingId, accept, recorded.DecisionPosition ?? 0, changed);
    }

    private static ExerciseFinding Undecided(ExerciseState state, Guid findingId)
    {
        var finding = state.Findings.FirstOrDefault(f => f.Finding.FindingId == findingId) ?? throw Refuse.NoFinding(findingId);
        if (finding.TargetId is null)
        {
            throw Refuse.FindingProposesNothing(findingId);
        }

        return finding.Decision is { } decision ? throw Refuse.ProposalDecidedAlready(findingId, decision.Accepted, decision.By) : finding;
    }

    // The risk's lead agency is checked whether the proposal is accepted or declined; only acceptance writes. A change
    // this finding already made (a retry after the decision failed to append) is found by its source, not made twice.
    private async Task<long?> RescoreAsync(Caller caller, ExerciseFindingRecorded finding, RiskRescoreProposal rescore, bool accept, string reason, CancellationToken cancellationToken)
    {
        var all = await register.AsOfAsync(null, cancellationToken);
        var current = all.FirstOrDefault(r => r.Risk.RiskId == rescore.RiskId) ?? throw Refuse.NoRisk(rescore.RiskId);
        if (caller.Role == Role.Liaison && current.Risk.LeadAgency != caller.Agency)
        {
            throw Refuse.NotYourAgencysRisk(current.Risk.Code, current.Risk.LeadAgency);
        }

        var made = (await register.HistoryAsync(rescore.RiskId, cancellationToken)).FirstOrDefault(v => v.SourceFindingId == finding.FindingId);
        if (!accept)
        {
            // An acceptance whose change landed but whose decision did not (yet) is the decision: a decline now would
            // leave the decision saying declined beside a risk changed by the finding.
            return made is null ? null : throw Refuse.ProposalDecidedAlready(finding.FindingId, accepted: true, made.ChangedBy);
        }

        if (made is not null)
        {
            return made.Position;
        }

        var why = $"{rescore.Reason} — {reason}";
        var proposed = current.Risk with { Likelihood = rescore.Likelihood ?? current.Risk.Likelihood, Impacts = rescore.Impacts ?? current.Risk.Impacts };
        if (RiskWriter.Decide(caller, RiskRequest.From(proposed, why), current, all, await writer.PlanCodesAsync(cancellationToken)) is not { } risk)
        {
            // Already scored as proposed: accepted, nothing to change.
            return null;
        }

        var (_, position) = await writer.WriteAsync(caller, risk, why, current.Version, cancellationToken, new ChangeSource(finding.ExerciseId, finding.FindingId));
        return position;
    }
}
