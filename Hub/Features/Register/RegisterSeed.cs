using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Reference;
using Coordination.Hub.Auth;
using Coordination.Persistence.EventLog;

namespace Coordination.Hub.Features.Register;

/// <summary>
/// First start: the sample register of Libya's principal hazards (marked as sample data, not an official
/// assessment), each risk entered as an administrator would enter it. Ids derive from codes, so two hubs starting
/// together enter each risk once; a register that already has risks is left alone.
/// </summary>
public sealed class RegisterSeed(RegisterLog register)
{
    private static readonly Caller Seeder = new("seed", Role.Administrator, "moi-duty");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await register.AsOfAsync(null, cancellationToken)).Count > 0)
        {
            return;
        }

        foreach (var request in Sample())
        {
            var risk = request.ToRisk(RiskWriter.IdFor(request.Code!), isSample: true);
            try
            {
                await register.AppendAsync(Seeder, risk, "Sample register, entered at the first start.", 0, Guid.CreateVersion7(), cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another hub entered it first.
            }
        }
    }

    /// <summary>The sample risks, as requests.</summary>
    public static IReadOnlyList<RiskRequest> Sample()
    {
        using var stream = typeof(RegisterSeed).Assembly.GetManifestResourceStream("sample-register.json")!;
        return JsonSerializer.Deserialize<SampleFile>(stream, ContractJson.Options)!.Risks;
    }

    private sealed record SampleFile(string Note, IReadOnlyList<RiskRequest> Risks);
}
