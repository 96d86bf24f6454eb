using Coordination.Agencies.Contracts.Register;

namespace Coordination.Hub.Features.Register;

/// <summary>Which fields of a risk differ between two versions, by their API names; and whether a score moved.</summary>
public static class RiskDifferences
{
    public static IReadOnlyList<string> Between(Risk before, Risk after)
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

        Check("code", before.Code == after.Code);
        Check("hazard", before.Hazard == after.Hazard);
        Check("theme", before.Theme == after.Theme);
        Check("titleAr", before.TitleAr == after.TitleAr);
        Check("titleEn", before.TitleEn == after.TitleEn);
        Check("scenarioAr", before.ScenarioAr == after.ScenarioAr);
        Check("scenarioEn", before.ScenarioEn == after.ScenarioEn);
        Check("districts", before.Districts.SequenceEqual(after.Districts));
        Check("likelihood", before.Likelihood == after.Likelihood);
        changed.AddRange(before.Impacts.Dimensions.Zip(after.Impacts.Dimensions)
            .Where(d => d.First.Score != d.Second.Score)
            .Select(d => "impacts." + char.ToLowerInvariant(d.First.Dimension[0]) + d.First.Dimension[1..]));
        Check("confidence", before.Confidence == after.Confidence);
        Check("leadAgency", before.LeadAgency == after.LeadAgency);
        Check("supportingAgencies", before.SupportingAgencies.SequenceEqual(after.SupportingAgencies));
        Check("controlsAr", before.ControlsAr == after.ControlsAr);
        Check("controlsEn", before.ControlsEn == after.ControlsEn);
        Check("plans", before.Plans.SequenceEqual(after.Plans));
        Check("nextReview", before.NextReview == after.NextReview);
        return changed;
    }

    /// <summary>True when the likelihood or any impact differs: such a change must say why.</summary>
    public static bool ScoresMoved(Risk before, Risk after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Likelihood != after.Likelihood || before.Impacts != after.Impacts;
    }
}
