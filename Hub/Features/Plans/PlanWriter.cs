using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Routing;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;
using FluentValidation;
using FluentValidation.Results;
using Coordination.Hub.Features.Common;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// The rules of entering and changing a plan: a liaison only for a plan their agency leads (before and after: the
/// plan's owner), a code no other plan uses and that never changes (the register's risks and running activations name
/// plans by it). A plan's id is derived from its code, so the same plan entered twice at once lands once.
/// </summary>
public sealed class PlanWriter(PlanLog plans)
{
    private static readonly Guid Namespace = new("5eed5eed-0000-4000-8000-0000000091a5");

    /// <summary>The id a plan entered with <paramref name="code"/> gets.</summary>
    public static Guid IdFor(string code) => DerivedEventId.Create(Namespace, "plan:" + code);

    /// <summary>
    /// Checks <paramref name="request"/> as an entry of a new plan (<paramref name="current"/> null) or a change of one,
    /// refusing what the rules forbid; returns the plan to write, or null when nothing changes.
    /// </summary>
    public static ContingencyPlan? Decide(Caller caller, PlanRequest request, PlanView? current, IReadOnlyList<PlanView> library, string field = "")
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(library);
        var planId = current?.Plan.PlanId ?? IdFor(request.Code!);
        var plan = request.ToPlan(planId, current?.Plan.IsSample ?? false);
        if (caller.Role == Role.Liaison && (plan.LeadAgency != caller.Agency || (current is not null && current.Plan.LeadAgency != caller.Agency)))
        {
            throw Refuse.NotYourAgencysPlan(current?.Plan.Code ?? plan.Code, current?.Plan.LeadAgency ?? plan.LeadAgency);
        }

        if (current is not null && current.Plan.Code != plan.Code)
        {
            throw new ValidationException([new ValidationFailure(field + "code", Invalid.PlanCodeFixed.ToString())]);
        }

        // A new plan under a code in use is a mistake to name, not a conflict to retry: its id would be the other plan's.
        if (library.Any(p => p.Plan.Code == plan.Code && (current is null || p.Plan.PlanId != planId)))
        {
            throw new ValidationException([new ValidationFailure(field + "code", Invalid.PlanCodeTaken(plan.Code).ToString())]);
        }

        return current is not null && PlanDifferences.Between(current.Plan, plan).Count == 0 ? null : plan;
    }

    /// <summary>Writes what <see cref="Decide"/> returned: the first version of a new plan, or the next of an existing one.</summary>
    public async Task<(int Version, long Position)> WriteAsync(Caller caller, ContingencyPlan plan, string? reason, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            return await plans.AppendAsync(caller, plan, OptionalText.Kept(reason), expectedVersion, Guid.CreateVersion7(), cancellationToken);
        }
        catch (Persistence.EventLog.ConcurrencyConflictException)
        {
            // Said as the plan's conflict, not the log's (which names a stream id and calls it an incident).
            throw Refuse.PlanChangedMeanwhile(plan.Code, expectedVersion);
        }
    }
}
