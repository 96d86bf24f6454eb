namespace Coordination.Persistence.HashChain;

/// <summary>One row of the event_log table exactly as stored; the hash covers these fields.</summary>
public sealed class StoredRow
{
    public long Position { get; set; }
    public Guid IncidentId { get; set; }
    public int Version { get; set; }
    public Guid EventId { get; set; }
    public string Type { get; set; } = "";
    public string Data { get; set; } = "";
    public string Metadata { get; set; } = "";
    /// <summary>Unix time in milliseconds, UTC.</summary>
    public long RecordedAt { get; set; }
    public byte[] PrevHash { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}
