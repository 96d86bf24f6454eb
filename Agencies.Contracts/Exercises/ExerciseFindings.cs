using Coordination.Agencies.Contracts.Register;

namespace Coordination.Agencies.Contracts.Exercises;

/// <summary>What an evaluator's finding says of the exercise.</summary>
public enum FindingKind
{
    /// <summary>Something that went well, to keep.</summary>
    Strength,

    /// <summary>Something that fell short, to improve.</summary>
    Gap,
}

/// <summary>A finding's proposal to re-score a risk of the register: a new likelihood, new impacts, or both.</summary>
/// <param name="RiskId">The risk.</param>
/// <param name="Likelihood">The proposed likelihood (1 to 5); null to keep it.</param>
/// <param name="Impacts">The proposed impacts (each 1 to 5); null to keep them.</param>
/// <param name="Reason">Why the exercise suggests it.</param>
public sealed record RiskRescoreProposal(Guid RiskId, int? Likelihood, RiskImpacts? Impacts, string Reason);

/// <summary>A finding's proposal to change a contingency plan: the text of the change, which the plan's editor makes once accepted.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Change">The change proposed.</param>
public sealed record PlanChangeProposal(Guid PlanId, string Change);

/// <summary>An evaluator recorded a strength or a gap of an exercise, on the exercise's stream.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="FindingId">The finding (the entry's own event id).</param>
/// <param name="Kind">A strength or a gap.</param>
/// <param name="TextAr">What was found, in Arabic.</param>
/// <param name="TextEn">The same in English.</param>
/// <param name="Agency">The agency it concerns; null for the exercise as a whole.</param>
/// <param name="Rescore">A proposed re-score of a register risk, if any.</param>
/// <param name="PlanChange">A proposed change to a plan, if any (a finding proposes one thing at most).</param>
/// <param name="By">The evaluator.</param>
/// <param name="At">When (UTC).</param>
public sealed record ExerciseFindingRecorded(
    Guid ExerciseId,
    Guid FindingId,
    FindingKind Kind,
    string TextAr,
    string TextEn,
    string? Agency,
    RiskRescoreProposal? Rescore,
    PlanChangeProposal? PlanChange,
    string By,
    DateTimeOffset At);

/// <summary>
/// A finding's proposal was accepted or declined, by an administrator or the lead agency of the risk or plan, on the
/// exercise's stream. An accepted re-score is the risk's change at <see cref="ChangePosition"/>.
/// </summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="FindingId">The finding whose proposal this decides.</param>
/// <param name="Accepted">True when accepted.</param>
/// <param name="Reason">Why.</param>
/// <param name="TargetId">The risk or plan the proposal is about.</param>
/// <param name="By">Who decided.</param>
/// <param name="ByAgency">Their agency.</param>
/// <param name="At">When (UTC).</param>
/// <param name="ChangePosition">The position of the risk's change it made; null for a decline, a plan, or a risk already scored so.</param>
public sealed record ExerciseProposalDecided(
    Guid ExerciseId,
    Guid FindingId,
    bool Accepted,
    string Reason,
    Guid TargetId,
    string By,
    string ByAgency,
    DateTimeOffset At,
    long? ChangePosition);

/// <summary>Where a change of the register came from when not from a person's own edit: an exercise's finding.</summary>
/// <param name="ExerciseId">The exercise.</param>
/// <param name="FindingId">Its finding whose proposal was accepted.</param>
public sealed record ChangeSource(Guid ExerciseId, Guid FindingId);
