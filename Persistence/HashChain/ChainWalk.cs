namespace Coordination.Persistence.HashChain;

/// <summary>
/// The verifier's checks, entry by entry in position order, whichever way the rows are read: positions run
/// from 1 without gaps, each entry's previous hash is the hash of the entry before it, and each entry's hash is
/// the hash of its own fields. The first entry that fails ends the walk with its position and what is wrong.
/// </summary>
public sealed class ChainWalk
{
    private readonly byte[] _previousHash = (byte[])ChainHasher.Genesis.Clone();
    private readonly byte[] _computed = new byte[32];
    private long _expected = 1;
    private long _checked;

    /// <summary>Checks the next entry read as strings; null while the chain holds, the failure otherwise.</summary>
    public VerificationResult? Next(StoredRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Before(row.Position, row.PrevHash) is { } broken)
        {
            return broken;
        }

        ChainHasher.Compute(_previousHash, row, _computed);
        return After(row.Position, row.Hash);
    }

    /// <summary>Checks the next entry read as the database's UTF-8 bytes; null while the chain holds.</summary>
    public VerificationResult? Next(in ChainFields row, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> hash)
    {
        if (Before(row.Position, previousHash) is { } broken)
        {
            return broken;
        }

        ChainHasher.Compute(_previousHash, row, _computed);
        return After(row.Position, hash);
    }

    private VerificationResult? Before(long position, ReadOnlySpan<byte> previousHash)
    {
        _checked++;
        if (position != _expected)
        {
            return new VerificationResult(false, _checked, _expected, $"position {_expected} is missing (next stored is {position})");
        }

        return previousHash.SequenceEqual(_previousHash)
            ? null
            : new VerificationResult(false, _checked, position, "previous hash does not match the entry before it");
    }

    private VerificationResult? After(long position, ReadOnlySpan<byte> hash)
    {
        if (!hash.SequenceEqual(_computed))
        {
            return new VerificationResult(false, _checked, position, "content does not match its hash");
        }

        hash.CopyTo(_previousHash);
        _expected++;
        return null;
    }

    /// <summary>The result once every stored entry has passed.</summary>
    public VerificationResult Passed() => new(true, _checked, null, null);
}
