using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Hub.Refusals;

namespace Coordination.Hub.Features.Exercises;

/// <summary>
/// First start: the sample exercise scenarios (a medicane on Derna, a fire at the Es Sider oil terminal; marked as sample
/// data), entered as a person would enter them, after the sample plan their expected actions name. Ids derive from
/// codes, so two hubs starting together enter each once; a library that already has scenarios is left alone.
/// </summary>
public sealed class ScenarioSeed(ScenarioLog scenarios)
{
    private static readonly Caller Seeder = new("seed", Role.Administrator, "moi-duty");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await scenarios.LatestAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        foreach (var request in Sample())
        {
            try
            {
                await scenarios.AppendAsync(Seeder, request.ToScenario(ScenarioLog.IdFor(request.Code!), isSample: true), "Sample scenario, entered at the first start.", 0, cancellationToken);
            }
            catch (RefusalException)
            {
                // Another hub entered it first (the scenario's conflict).
            }
        }
    }

    /// <summary>The sample scenarios, as requests.</summary>
    public static IReadOnlyList<ScenarioRequest> Sample()
    {
        using var stream = typeof(ScenarioSeed).Assembly.GetManifestResourceStream("sample-scenarios.json")!;
        return JsonSerializer.Deserialize<SampleFile>(stream, ContractJson.Options)!.Scenarios;
    }

    private sealed record SampleFile(string Note, IReadOnlyList<ScenarioRequest> Scenarios);
}
