namespace Coordination.Persistence.HashChain;

/// <summary>What the chain verifier found.</summary>
/// <param name="IsValid">True when every entry's hash matches and positions run without gaps.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBadPosition">The first position that does not match, if any.</param>
/// <param name="Problem">What is wrong at that position.</param>
public sealed record VerificationResult(bool IsValid, long EntriesChecked, long? FirstBadPosition, string? Problem);
