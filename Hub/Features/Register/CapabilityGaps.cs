using Coordination.Agencies.Contracts.Capabilities;
using Coordination.Agencies.Contracts.Plans;
using Coordination.Agencies.Contracts.Register;
using Coordination.Hub.Features.Capabilities;

namespace Coordination.Hub.Features.Register;

/// <summary>Who holds a capability: in the risk's districts, and anywhere.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="InDistricts">How many it holds in the risk's districts (anywhere, for a national risk).</param>
/// <param name="Nationally">How many it holds in all.</param>
public sealed record Holder(string Agency, int InDistricts, int Nationally);

/// <summary>One capability a risk's plans need, against what the agencies hold.</summary>
/// <param name="Capability">The capability's code.</param>
/// <param name="NameAr">Its Arabic name.</param>
/// <param name="NameEn">Its English name.</param>
/// <param name="Needed">What the plan needing most of it needs: the sum of its tasks' quantities.</param>
/// <param name="NeededBy">That plan's code.</param>
/// <param name="HeldInDistricts">What every agency together holds in the risk's districts (anywhere, for a national risk).</param>
/// <param name="HeldNationally">What every agency together holds anywhere.</param>
/// <param name="Gap">Needed minus held in the districts, when more is needed: what must be brought in.</param>
/// <param name="Shortfall">Needed minus held nationally, when more is needed: what the country lacks.</param>
/// <param name="Holders">The agencies holding any of it, most in the districts first.</param>
public sealed record GapLine(
    string Capability, string NameAr, string NameEn, int Needed, string NeededBy, int HeldInDistricts, int HeldNationally, int Gap, int Shortfall, IReadOnlyList<Holder> Holders);

/// <summary>What a risk's plans need against what the agencies hold.</summary>
/// <param name="RiskId">The risk.</param>
/// <param name="Code">Its code.</param>
/// <param name="TitleAr">Arabic title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="Districts">Its districts (none: the whole country).</param>
/// <param name="Score">Likelihood x overall impact.</param>
/// <param name="Plans">The plans whose tasks are counted: those the risk names and those that say they answer it.</param>
/// <param name="Lines">Each capability the plans need, largest gap first.</param>
/// <param name="LargestGap">The largest gap of its lines (0 when nothing is missing or no plan needs anything).</param>
public sealed record RiskGaps(Guid RiskId, string Code, string TitleAr, string TitleEn, IReadOnlyList<string> Districts, int Score, IReadOnlyList<string> Plans, IReadOnlyList<GapLine> Lines, int LargestGap);

/// <summary>
/// Sets what a risk's plans need against what agencies have declared they hold. A plan's need of a capability is the sum
/// of its tasks' quantities (its tasks run together). A risk's need is the largest of its plans' needs, not their sum:
/// the plans answering one risk are alternative responses to the same event (a district's plan, a national one), and
/// adding them would count one need twice. Held is counted in the risk's districts (all of them, for a national risk)
/// and nationally; the gap is what must be brought into the districts, the shortfall what the country lacks.
/// </summary>
public static class CapabilityGaps
{
    public static RiskGaps For(Risk risk, int score, IReadOnlyList<ContingencyPlan> plans, IReadOnlyList<DeclarationView> declarations)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(declarations);
        var linked = plans.Where(p => risk.Plans.Contains(p.Code) || p.Risks.Contains(risk.Code)).OrderBy(p => p.Code, StringComparer.Ordinal).ToArray();
        var needs = new Dictionary<string, (int Needed, string By)>(StringComparer.Ordinal);
        foreach (var plan in linked)
        {
            foreach (var need in plan.Tasks.Where(t => t.Capability is not null).GroupBy(t => t.Capability!, StringComparer.Ordinal))
            {
                var quantity = need.Sum(t => t.Quantity ?? 1);
                if (!needs.TryGetValue(need.Key, out var most) || quantity > most.Needed)
                {
                    needs[need.Key] = (quantity, plan.Code);
                }
            }
        }

        bool InDistricts(CapabilityHolding h) => risk.Districts.Count == 0 || risk.Districts.Contains(h.District);
        var order = Agencies.Contracts.Capabilities.Capabilities.All.Select((c, i) => (c.Code, i)).ToDictionary(c => c.Code, c => c.i, StringComparer.Ordinal);
        var lines = needs.Select(n =>
            {
                var holders = declarations
                    .Select(d => new Holder(d.Agency,
                        d.Holdings.Where(h => h.Capability == n.Key && InDistricts(h)).Sum(h => h.Count),
                        d.Holdings.Where(h => h.Capability == n.Key).Sum(h => h.Count)))
                    .Where(h => h.Nationally > 0)
                    .OrderByDescending(h => h.InDistricts).ThenByDescending(h => h.Nationally).ThenBy(h => h.Agency, StringComparer.Ordinal)
                    .ToArray();
                var inDistricts = holders.Sum(h => h.InDistricts);
                var nationally = holders.Sum(h => h.Nationally);
                var names = Agencies.Contracts.Capabilities.Capabilities.Find(n.Key);
                return new GapLine(n.Key, names?.NameAr ?? n.Key, names?.NameEn ?? n.Key, n.Value.Needed, n.Value.By, inDistricts, nationally,
                    Math.Max(0, n.Value.Needed - inDistricts), Math.Max(0, n.Value.Needed - nationally), holders);
            })
            .OrderByDescending(l => l.Gap).ThenByDescending(l => l.Shortfall).ThenBy(l => order.GetValueOrDefault(l.Capability, int.MaxValue))
            .ToArray();
        return new RiskGaps(risk.RiskId, risk.Code, risk.TitleAr, risk.TitleEn, risk.Districts, score, [.. linked.Select(p => p.Code)], lines,
            lines.Length == 0 ? 0 : lines.Max(l => l.Gap));
    }
}
