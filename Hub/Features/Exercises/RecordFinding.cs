using Coordination.Agencies.Contracts.Exercises;
using Coordination.Agencies.Contracts.Log;
using Coordination.Agencies.Contracts.Register;
using Coordination.Dispatch.Agencies;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Features.Plans;
using Coordination.Hub.Features.Register;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using FluentValidation;
using FluentValidation.Results;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// An evaluator records a strength or a gap of an exercise (in Arabic and English, about one agency or the whole
/// exercise), an <c>ExerciseFindingRecorded</c> entry on the exercise's stream. A finding may propose a re-score of a
/// register risk or a change to a plan, which the risk's or plan's lead agency (or an administrator) then accepts or
/// declines (<see cref="DecideProposal"/>). Recorded while the exercise runs or after it ends.
/// </summary>
public sealed class RecordFinding(ExerciseLog exercises, RegisterLog register, PlanLog plans, IEventLog log, TimeProvider time)
    : IUseCase<RecordFinding.Command, RecordFinding.Recorded>
{
    /// <summary>The finding as sent: a strength or a gap, its texts, the agency it concerns, and at most one proposal.</summary>
    public sealed record Request(FindingKind? Kind, string? TextAr, string? TextEn, string? Agency, RescoreRequest? Rescore, PlanChangeRequest? PlanChange, Guid? EventId = null);

    /// <summary>A proposed re-score: the risk, a new likelihood and/or new impacts, and why.</summary>
    public sealed record RescoreRequest(Guid? RiskId, int? Likelihood, RiskImpacts? Impacts, string? Reason);

    /// <summary>A proposed plan change: the plan and the text of the change.</summary>
    public sealed record PlanChangeRequest(Guid? PlanId, string? Change);

    public sealed record Command(Guid ExerciseId, FindingKind? Kind, string? TextAr, string? TextEn, string? Agency, RescoreRequest? Rescore, PlanChangeRequest? PlanChange, Guid? EventId = null)
    {
        public static Command From(Guid exerciseId, Request? request) =>
            new(exerciseId, request?.Kind, request?.TextAr, request?.TextEn, request?.Agency, request?.Rescore, request?.PlanChange, request?.EventId);
    }

    /// <summary>The finding's id (its entry's event id) and its position in the log.</summary>
    public sealed record Recorded(Guid ExerciseId, Guid FindingId, long Position);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(AgencyDirectory agencies)
        {
            ArgumentNullException.ThrowIfNull(agencies);
            RuleFor(c => c.Kind).NotNull().Says(Invalid.FindingKindRequired).IsInEnum().Says(Invalid.FindingKindRequired);
            RuleFor(c => c.EventId).NotEqual(Guid.Empty).Says(Invalid.EmptyEventId);
            RuleFor(c => c.TextAr).NotEmpty().Says(Invalid.FindingTextArRequired).SafeText(2000, multiline: true, "نص الملاحظة بالعربية");
            RuleFor(c => c.TextEn).NotEmpty().Says(Invalid.FindingTextEnRequired).SafeText(2000, multiline: true, "نص الملاحظة بالإنجليزية");
            RuleFor(c => c.Agency).Must(a => a is null || agencies.Find(a) is not null).Says(a => Invalid.UnknownAgency(a));
            RuleFor(c => c.PlanChange).Null().When(c => c.Rescore is not null).Says(Invalid.OneProposal);
            When(c => c.Rescore is not null, () =>
            {
                RuleFor(c => c.Rescore!.RiskId).NotNull().Says(Invalid.RiskIdRequired).OverridePropertyName("rescore.riskId");
                RuleFor(c => c.Rescore!.Likelihood).Must(l => l is null or >= 1 and <= 5).Says(Invalid.ScoreOneToFive).OverridePropertyName("rescore.likelihood");
                // Each dimension by its own name: a dimension left out arrives as 0, and "scores are 1 to 5" would not say which.
                RuleFor(c => c.Rescore!.Impacts).Custom((impacts, context) =>
                {
                    foreach (var (dimension, _) in (impacts?.Dimensions ?? []).Where(d => d.Score is < 1 or > 5))
                    {
                        var name = char.ToLowerInvariant(dimension[0]) + dimension[1..];
                        context.AddFailure($"rescore.impacts.{name}", Invalid.ImpactDimension(name).ToString());
                    }
                });
                RuleFor(c => c.Rescore!).Must(r => r.Likelihood is not null || r.Impacts is not null).Says(Invalid.RescoreNothing).OverridePropertyName("rescore");
                RuleFor(c => c.Rescore!.Reason).NotEmpty().Says(Invalid.ProposalReasonRequired).SafeText(500, multiline: true, "سبب إعادة التقييم")
                    .OverridePropertyName("rescore.reason");
            });
            When(c => c.PlanChange is not null, () =>
            {
                RuleFor(c => c.PlanChange!.PlanId).NotNull().Says(Invalid.PlanIdRequired).OverridePropertyName("planChange.planId");
                RuleFor(c => c.PlanChange!.Change).NotEmpty().Says(Invalid.PlanChangeRequired).SafeText(2000, multiline: true, "التعديل المقترح")
                    .OverridePropertyName("planChange.change");
            });
        }
    }

    public Policy Policy => Policies.RecordFindings;

    public async Task<Recorded> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var state = await exercises.ReadAsync(request.ExerciseId, cancellationToken) ?? throw Refuse.NoExercise(request.ExerciseId);
        // The after-action report judges participants only: a finding about an agency not in play would belong to no one's part.
        if (request.Agency is { } agency && !state.Started.Participants.Contains(agency, StringComparer.Ordinal))
        {
            throw new ValidationException([new ValidationFailure("agency", Invalid.NotAnExerciseParticipant(agency).ToString())]);
        }

        // What the proposal names must exist now; a later change of the risk or plan is for the decision to meet.
        if (request.Rescore?.RiskId is { } riskId && !(await register.AsOfAsync(null, cancellationToken)).Any(r => r.Risk.RiskId == riskId))
        {
            throw new ValidationException([new ValidationFailure("rescore.riskId", Invalid.UnknownRiskId(riskId).ToString())]);
        }

        if (request.PlanChange?.PlanId is { } planId && (await plans.HistoryAsync(planId, cancellationToken)).Count == 0)
        {
            throw new ValidationException([new ValidationFailure("planChange.planId", Invalid.UnknownPlanId(planId).ToString())]);
        }

        // The same key records the finding once: a form sent again after a lost answer adds no second copy.
        var findingId = request.EventId is { } key ? DerivedEventId.Create(key, "finding") : Guid.CreateVersion7();
        var finding = new ExerciseFindingRecorded(
            state.ExerciseId,
            findingId,
            request.Kind!.Value,
            request.TextAr!.Trim(),
            request.TextEn!.Trim(),
            request.Agency,
            request.Rescore is { } r ? new RiskRescoreProposal(r.RiskId!.Value, r.Likelihood, r.Impacts, r.Reason!.Trim()) : null,
            request.PlanChange is { } p ? new PlanChangeProposal(p.PlanId!.Value, p.Change!.Trim()) : null,
            caller.UserName,
            time.GetUtcNow());
        // Appended after whatever the stream holds: a finding decides nothing about the exercise's run.
        var appended = await log.AppendAsync(state.ExerciseId, ExpectedVersion.Any,
            [Events.Create(findingId, EventTypes.ExerciseFindingRecorded, finding, caller, true, state.ExerciseId)], cancellationToken);
        return new Recorded(state.ExerciseId, findingId, appended.LastPosition);
    }
}
