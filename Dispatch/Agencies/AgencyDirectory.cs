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

    /// <summary>The kind of the duty office (moi-duty): it sees every incident already and has no liaison to acknowledge an alert.</summary>
    public const string DutyOfficeKind = "DutyOffice";

    /// <summary>
    /// True for an agency of the duty office's kind: never one to alert or clear, since no one there can acknowledge an
    /// alert (operators and commanders do not), so it would only escalate.
    /// </summary>
    public bool IsDutyOffice(string? code) => code is not null && _current.ByCode.TryGetValue(code, out var agency) && agency.Kind == DutyOfficeKind;

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
