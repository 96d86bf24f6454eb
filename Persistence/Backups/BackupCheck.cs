using Coordination.Persistence.HashChain;

namespace Coordination.Persistence.Backups;

/// <summary>What a copy of the database holds, read from the copy itself by the log's own verifier and queries.</summary>
/// <param name="Chain">The copy's hash chain, walked whole.</param>
/// <param name="HeadPosition">The copy's last position; 0 for an empty log.</param>
/// <param name="SchemaVersion">The last migration applied to the copy; a newer hub applies its own at start.</param>
/// <param name="Checkpoints">How far each reader of the log (the relay, routing) had got when the copy was taken.</param>
public sealed record BackupCheck(VerificationResult Chain, long HeadPosition, int SchemaVersion, IReadOnlyDictionary<string, long> Checkpoints)
{
    /// <summary>
    /// True when the chain verifies and no checkpoint is beyond the head. A consistent copy holds each checkpoint
    /// with the log it was written beside; one ahead of the head would make the relay wait past entries never published.
    /// </summary>
    public bool IsSound => Chain.IsValid && Checkpoints.Values.All(position => position <= HeadPosition);
}
