using System.Text.Json;
using Coordination.Agencies.Contracts;

namespace Coordination.Dispatch.Agencies;

/// <summary>The agencies the hub knows, seeded from the embedded sample set.</summary>
public sealed class AgencyDirectory
{
    private readonly Dictionary<string, Agency> _byCode;

    public AgencyDirectory(IEnumerable<Agency> agencies)
    {
        All = agencies.ToArray();
        _byCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<Agency> All { get; }

    public bool Exists(string? code) => code is not null && _byCode.ContainsKey(code);

    public Agency? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The sample agencies of Libya shipped with the hub.</summary>
    public static AgencyDirectory LoadSample()
    {
        using var stream = typeof(AgencyDirectory).Assembly.GetManifestResourceStream("agencies.json")!;
        var file = JsonSerializer.Deserialize<AgencyFile>(stream, ContractJson.Options)!;
        return new AgencyDirectory(file.Agencies);
    }

    private sealed record AgencyFile(IReadOnlyList<Agency> Agencies);
}
