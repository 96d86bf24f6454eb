using Coordination.Agencies.Contracts.Reference;
using Coordination.Agencies.Contracts.Register;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// The rules of entering and changing a risk, for the API and the CSV import alike: a liaison only for a risk their
/// agency leads (before and after), a code no other risk uses, and a reason whenever a score moves. A risk's id is
/// derived from its code when it is first entered, so the same risk entered twice at once lands once.
/// </summary>
public sealed class RiskWriter(RegisterLog register, Plans.PlanLog plans)
{
    private static readonly Guid Namespace = new("5eed5eed-0000-4000-8000-00000000715c");

    /// <summary>What would be written: a new risk, a change, or nothing (the risk as it already stands).</summary>
    public enum Outcome
    {
        Recorded,
        Changed,
        Unchanged,
    }

    /// <summary>The id a risk entered with <paramref name="code"/> gets.</summary>
    public static Guid IdFor(string code) => DerivedEventId.Create(Namespace, "risk:" + code);

    /// <summary>The codes of the plans in the library, which a risk may link to.</summary>
    public async Task<IReadOnlySet<string>> PlanCodesAsync(CancellationToken cancellationToken) =>
        (await plans.LatestAsync(cancellationToken)).Select(p => p.Plan.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Checks <paramref name="request"/> as an entry of a new risk (<paramref name="current"/> null) or a change of one,
    /// refusing what the rules forbid; returns the risk to write, or null when nothing changes.
    /// </summary>
    /// <remarks><paramref name="field"/> prefixes the fields named in a refusal (an import names the line).</remarks>
    public static Risk? Decide(Caller caller, RiskRequest request, RiskView? current, IReadOnlyList<RiskView> register, IReadOnlySet<string> planCodes, string field = "")
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(register);
        var riskId = current?.Risk.RiskId ?? IdFor(request.Code!);
        var risk = request.ToRisk(riskId, current?.Risk.IsSample ?? false);
        if (caller.Role == Role.Liaison && (risk.LeadAgency != caller.Agency || (current is not null && current.Risk.LeadAgency != caller.Agency)))
        {
            throw Refuse.NotYourAgencysRisk(risk.Code, current?.Risk.LeadAgency ?? risk.LeadAgency);
        }

        var failures = new List<ValidationFailure>();
        if (current is not null && current.Risk.Code != risk.Code)
        {
            // The id derives from the code a risk was entered with: renamed, its old code could never be entered again.
            failures.Add(new ValidationFailure(field + "Code", Invalid.RiskCodeFixed.ToString()));
        }
        else if (register.Any(r => r.Risk.Code == risk.Code && (current is null || r.Risk.RiskId != riskId)))
        {
            // A new risk under a code in use is a mistake to name, not a conflict to retry: its id would be the other risk's.
            failures.Add(new ValidationFailure(field + "Code", Invalid.RiskCodeTaken(risk.Code).ToString()));
        }

        // A link to a plan the library does not hold leads nowhere; one the risk already had is left to the plan's owners.
        foreach (var (code, i) in (request.Plans ?? []).Select((c, i) => (c, i)))
        {
            if (code is not null && !planCodes.Contains(code) && current?.Risk.Plans.Contains(code, StringComparer.Ordinal) != true)
            {
                failures.Add(new ValidationFailure($"{field}Plans[{i}]", Invalid.UnknownPlan(code).ToString()));
            }
        }

        if (current is not null && RiskDifferences.ScoresMoved(current.Risk, risk) && string.IsNullOrWhiteSpace(request.Reason))
        {
            failures.Add(new ValidationFailure(field + "Reason", Invalid.ReasonForScoreChange.ToString()));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return current is not null && RiskDifferences.Between(current.Risk, risk).Count == 0 ? null : risk;
    }

    /// <summary>
    /// Writes what <see cref="Decide"/> returned: the first version of a new risk, or the next of an existing one;
    /// <paramref name="source"/> names the exercise finding it came from, and then its id derives from the finding.
    /// </summary>
    public async Task<(int Version, long Position)> WriteAsync(
        Caller caller, Risk risk, string? reason, int expectedVersion, CancellationToken cancellationToken, Agencies.Contracts.Exercises.ChangeSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(risk);
        try
        {
            var eventId = source is null ? Guid.CreateVersion7() : DerivedEventId.Create(source.FindingId, "rescore");
            return await register.AppendAsync(caller, risk, OptionalText.Kept(reason), expectedVersion, eventId, cancellationToken, source);
        }
        catch (Persistence.EventLog.ConcurrencyConflictException)
        {
            throw Refuse.RiskChangedMeanwhile(risk.Code, expectedVersion);
        }
    }

    /// <summary>
    /// Writes what <see cref="Decide"/> returned for several risks in one transaction, as an import does: all of them, or
    /// none and a 409 naming the risk that changed meanwhile.
    /// </summary>
    public async Task WriteAllAsync(Caller caller, IReadOnlyList<(Risk Risk, string? Reason, int ExpectedVersion)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        try
        {
            await register.AppendAllAsync(caller, [.. changes.Select(c => (c.Risk, OptionalText.Kept(c.Reason), c.ExpectedVersion))], cancellationToken);
        }
        catch (Persistence.EventLog.ConcurrencyConflictException ex) when (changes.Any(c => c.Risk.RiskId == ex.StreamId))
        {
            var (risk, _, expectedVersion) = changes.First(c => c.Risk.RiskId == ex.StreamId);
            throw Refuse.RiskChangedMeanwhile(risk.Code, expectedVersion);
        }
    }
}
