using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Dispatch.Agencies;
using Coordination.Hub.Auth;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Capabilities;

/// <summary>
/// First start: sample holdings for the sample agencies (marked as sample data, not any agency's real holdings), each
/// declared as an administrator would, on each agency's own stream, so two hubs starting together declare each once.
/// When any agency has declared, nothing is seeded; an agency not registered is skipped.
/// </summary>
public sealed class CapabilitySeed(CapabilityLog capabilities, AgencyDirectory agencies)
{
    private static readonly Caller Seeder = new("seed", Role.Administrator, "moi-duty");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await capabilities.LatestAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        foreach (var declaration in Sample().Where(d => agencies.Exists(d.Agency)))
        {
            try
            {
                await capabilities.AppendAsync(Seeder, declaration.Agency, HoldingChecks.ToHoldings(declaration.Holdings),
                    "Sample holdings, declared at the first start.", isSample: true, 0, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another hub declared it first.
            }
        }
    }

    /// <summary>The sample declarations.</summary>
    public static IReadOnlyList<SampleDeclaration> Sample()
    {
        using var stream = typeof(CapabilitySeed).Assembly.GetManifestResourceStream("sample-capabilities.json")!;
        return JsonSerializer.Deserialize<SampleFile>(stream, ContractJson.Options)!.Declarations;
    }

    /// <summary>One sample agency's holdings.</summary>
    public sealed record SampleDeclaration(string Agency, IReadOnlyList<HoldingRequest?> Holdings);

    private sealed record SampleFile(string Note, IReadOnlyList<SampleDeclaration> Declarations);
}
