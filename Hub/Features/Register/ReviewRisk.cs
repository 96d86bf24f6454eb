using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.EventLog;
using FluentValidation;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// Marks a risk reviewed without changing its scores: a <c>RiskReviewed</c> entry holding the risk with its new next
/// review date (and what the review found), which ends an overdue review's alerting. The lead agency's liaisons and
/// administrators review, as they change a risk; one made from a version since replaced is refused (409).
/// </summary>
public sealed class ReviewRisk(RegisterLog register) : IUseCase<ReviewRisk.Command, RecordRisk.Saved>
{
    /// <summary>The risk, its next review date (after today), what the review found, and the version it was made from (the latest when omitted).</summary>
    public sealed record Command(Guid RiskId, DateOnly? NextReview, string? Note, int? ExpectedVersion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider time)
        {
            ArgumentNullException.ThrowIfNull(time);
            RuleFor(c => c.NextReview).NotNull().Says(Invalid.ReviewDateInFuture)
                .Must(d => d is not { } day || (day > Today(time) && day <= Today(time).AddYears(10))).Says(Invalid.ReviewDateInFuture)
                .OverridePropertyName("nextReview");
            RuleFor(c => c.Note).SafeText(1000, multiline: true, "ما توصلت إليه المراجعة").OverridePropertyName("note");
            RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(1).Says(Invalid.ExpectedRiskVersion).OverridePropertyName("expectedVersion");
        }

        private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    }

    public Policy Policy => Policies.ChangeRisk;

    public async Task<RecordRisk.Saved> HandleAsync(Caller caller, Command request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var current = (await register.AsOfAsync(null, cancellationToken)).FirstOrDefault(r => r.Risk.RiskId == request.RiskId) ?? throw Refuse.NoRisk(request.RiskId);
        if (caller.Role == Role.Liaison && current.Risk.LeadAgency != caller.Agency)
        {
            throw Refuse.NotYourAgencysRisk(current.Risk.Code, current.Risk.LeadAgency);
        }

        var expected = MadeFrom.Version(request.ExpectedVersion, current.Version);
        try
        {
            var (version, position) = await register.AppendReviewAsync(caller, current.Risk with { NextReview = request.NextReview!.Value }, current.Risk.NextReview,
                OptionalText.Kept(request.Note), expected, Guid.CreateVersion7(), cancellationToken);
            return new RecordRisk.Saved(current.Risk.RiskId, version, position);
        }
        catch (ConcurrencyConflictException)
        {
            throw Refuse.RiskChangedMeanwhile(current.Risk.Code, expected);
        }
    }
}
