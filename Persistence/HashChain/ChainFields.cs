namespace Coordination.Persistence.HashChain;

/// <summary>
/// The hashed fields of one log row, its text as the UTF-8 bytes stored: what a verifier reading the database's
/// own buffers hands to <see cref="ChainHasher"/> without making strings of them.
/// </summary>
public readonly ref struct ChainFields
{
    public long Position { get; init; }
    public Guid IncidentId { get; init; }
    public long Version { get; init; }
    public Guid EventId { get; init; }
    public ReadOnlySpan<byte> Type { get; init; }
    public ReadOnlySpan<byte> Data { get; init; }
    public ReadOnlySpan<byte> Metadata { get; init; }

    /// <summary>Unix time in milliseconds, UTC.</summary>
    public long RecordedAt { get; init; }
}
