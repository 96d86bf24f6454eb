using Coordination.Agencies.Contracts.Plans;

namespace Coordination.Hub.Features.Plans;

/// <summary>Which fields of a plan differ between two versions, by their API names; a task by its id (<c>tasks.cd-swift-water-rescue</c>).</summary>
public static class PlanDifferences
{
    public static IReadOnlyList<string> Between(ContingencyPlan before, ContingencyPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<string>();
        void Check(string field, bool same)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }

        Check("titleAr", before.TitleAr == after.TitleAr);
        Check("titleEn", before.TitleEn == after.TitleEn);
        Check("leadAgency", before.LeadAgency == after.LeadAgency);
        Check("risks", before.Risks.SequenceEqual(after.Risks));
        Check("activation.hazards", before.Activation.Hazards.SequenceEqual(after.Activation.Hazards));
        Check("activation.minimumSeverity", before.Activation.MinimumSeverity == after.Activation.MinimumSeverity);
        Check("activation.districts", before.Activation.Districts.SequenceEqual(after.Activation.Districts));
        Check("alsoAlert", before.AlsoAlert.SequenceEqual(after.AlsoAlert));
        var was = before.Tasks.ToDictionary(t => t.TaskId, StringComparer.Ordinal);
        var now = after.Tasks.ToDictionary(t => t.TaskId, StringComparer.Ordinal);
        var tasks = was.Keys.Union(now.Keys).Where(id => !was.TryGetValue(id, out var a) || !now.TryGetValue(id, out var b) || !Same(a, b)).Select(id => "tasks." + id).ToArray();
        changed.AddRange(tasks);
        // The same tasks in another order.
        Check("tasks", tasks.Length > 0 || before.Tasks.Select(t => t.TaskId).SequenceEqual(after.Tasks.Select(t => t.TaskId)));
        return changed;
    }

    // Field by field: a record compares its lists by reference.
    private static bool Same(PlanTask a, PlanTask b) =>
        a.Agency == b.Agency && a.TitleAr == b.TitleAr && a.TitleEn == b.TitleEn && a.DueAfterMinutes == b.DueAfterMinutes
        && a.Capability == b.Capability && a.Quantity == b.Quantity && a.Checklist.SequenceEqual(b.Checklist);
}
