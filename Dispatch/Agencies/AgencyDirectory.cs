using System.Text.Json;
using Coordination.Agencies.Contracts;

namespace Coordination.Dispatch.Agencies;

/// <summary>
/// The agencies the hub knows. Starts with the embedded sample set (so rules can be checked at start-up)
/// and is replaced with the directory kept in the database once that is read, and whenever it changes.
/// </summary>
public sealed class AgencyDirectory
{
    private volatile Snapshot _current;

    public AgencyDirectory(IEnumerable<Agency> agencies) => _current = new Snapshot(agencies);

    public IReadOnlyList<Agency> All => _current.All;

    public bool Exists(string? code) => code is not null && _current.ByCode.ContainsKey(code);

    public Agency? Find(string code) => _current.ByCode.GetValueOrDefault(code);

    /// <summary>Swaps in a new list of agencies (from the database).</summary>
    public void Replace(IEnumerable<Agency> agencies) => _current = new Snapshot(agencies);

    /// <summary>The sample agencies of Libya shipped with the hub.</summary>
    public static AgencyDirectory LoadSample() => new(SampleAgencies());

    public static IReadOnlyList<Agency> SampleAgencies()
    {
        using var stream = typeof(AgencyDirectory).Assembly.GetManifestResourceStream("agencies.json")!;
        return JsonSerializer.Deserialize<AgencyFile>(stream, ContractJson.Options)!.Agencies;
    }

    private sealed class Snapshot
    {
        public Snapshot(IEnumerable<Agency> agencies)
        {
            All = agencies.ToArray();
            ByCode = All.ToDictionary(a => a.Code, StringComparer.Ordinal);
        }

        public IReadOnlyList<Agency> All { get; }

        public Dictionary<string, Agency> ByCode { get; }
    }

    private sealed record AgencyFile(IReadOnlyList<Agency> Agencies);
}
