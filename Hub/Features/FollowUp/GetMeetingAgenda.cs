using Coordination.Hub.Auth;
using Coordination.Hub.Authorization;
using Coordination.Hub.Features.Register;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Refusals;
using Coordination.Persistence.Plans;
using FluentValidation;

namespace Coordination.Hub.Features.FollowUp;

/// <summary>
/// The next coordination meeting's agenda, built from what the hub knows now: the open improvement items (overdue
/// first, then by due date), the register's risks due for review within <c>days</c> (overdue first; the sample register
/// is nobody's duty and is left out, as its reviews are never alerted), and the open tasks of real incidents past their
/// due time (exercises' tasks are not real operations).
/// </summary>
public sealed class GetMeetingAgenda(FollowUpLog followUp, RegisterLog register, PlanStore plans, TimeProvider time) : IUseCase<GetMeetingAgenda.Query, GetMeetingAgenda.Agenda>
{
    /// <summary>How far ahead reviews count as due: 30 days when omitted, 0 to 365.</summary>
    public sealed record Query(int? Days);

    /// <param name="AsOf">When it was built.</param>
    /// <param name="OpenItems">Open improvement items, overdue first.</param>
    /// <param name="ReviewsDue">Risks whose next review is overdue or within the horizon, overdue first.</param>
    /// <param name="OverdueTasks">Open tasks of open real incidents past their due time, the most overdue first.</param>
    public sealed record Agenda(DateTimeOffset AsOf, IReadOnlyList<ImprovementItemView> OpenItems, IReadOnlyList<RiskView> ReviewsDue, IReadOnlyList<OverdueTask> OverdueTasks);

    /// <summary>A plan's task on an incident, past its due time.</summary>
    public sealed record OverdueTask(Guid IncidentId, string PlanCode, string TaskId, string Agency, string TitleAr, string TitleEn, DateTimeOffset DueAt, string Status, int EscalationLevel);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Days).InclusiveBetween(0, 365).Says(Invalid.AgendaDays).OverridePropertyName("days");
        }
    }

    public Policy Policy => Policies.BuildAgenda;

    public async Task<Agenda> HandleAsync(Caller caller, Query request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = today.AddDays(request.Days ?? 30);
        var items = (await followUp.ItemsAsync(cancellationToken)).Select(r => ImprovementItemView.From(r, today))
            .Where(i => i.Status == ImprovementItemView.Open).OrderByDescending(i => i.Overdue).ThenBy(i => i.DueDate).ToArray();
        var reviews = (await register.AsOfAsync(null, cancellationToken)).Where(r => !r.Risk.IsSample && r.Risk.NextReview <= horizon)
            .OrderByDescending(r => r.ReviewOverdue).ThenBy(r => r.Risk.NextReview).ThenBy(r => r.Risk.Code, StringComparer.Ordinal).ToArray();
        var tasks = (await plans.OverdueTasksAsync(now, cancellationToken))
            .Select(t => new OverdueTask(t.IncidentId, t.PlanCode, t.TaskId, t.Agency, t.TitleAr, t.TitleEn, t.DueAt, t.Status.ToString(), t.EscalationLevel)).ToArray();
        return new Agenda(now, items, reviews, tasks);
    }
}
