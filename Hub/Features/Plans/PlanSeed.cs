using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Plans;

/// <summary>
/// First start: the sample contingency plan for a flood in Derna (marked as sample data, not an official plan),
/// entered as an administrator would enter it, after the sample register whose Wadi Derna dams risk names it. Ids
/// derive from codes, so two hubs starting together enter it once; a library that already has plans is left alone.
/// </summary>
public sealed class PlanSeed(PlanLog plans)
{
    private static readonly Caller Seeder = new("seed", Role.Administrator, "moi-duty");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await plans.LatestAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        foreach (var request in Sample())
        {
            var plan = request.ToPlan(PlanWriter.IdFor(request.Code!), isSample: true);
            try
            {
                await plans.AppendAsync(Seeder, plan, "Sample plan, entered at the first start.", 0, Guid.CreateVersion7(), cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another hub entered it first.
            }
        }
    }

    /// <summary>The sample plans, as requests.</summary>
    public static IReadOnlyList<PlanRequest> Sample()
    {
        using var stream = typeof(PlanSeed).Assembly.GetManifestResourceStream("sample-plans.json")!;
        return JsonSerializer.Deserialize<SampleFile>(stream, ContractJson.Options)!.Plans;
    }

    private sealed record SampleFile(string Note, IReadOnlyList<PlanRequest> Plans);
}
