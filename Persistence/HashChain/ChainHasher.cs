using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Coordination.Persistence.HashChain;

/// <summary>
/// hash = SHA-256(previous hash || canonical bytes of the row). Canonical bytes are each field in a
/// fixed order, integers big-endian, text as UTF-8 with a 4-byte length prefix, so no two different
/// rows can encode to the same bytes.
/// </summary>
public static class ChainHasher
{
    /// <summary>The previous hash of the first entry.</summary>
    public static byte[] Genesis { get; } = new byte[32];

    public static byte[] Compute(byte[] previousHash, StoredRow row)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(row);
        var hash = new byte[32];
        Compute(previousHash, row, hash);
        return hash;
    }

    /// <summary>Writes the hash into <paramref name="destination"/> (32 bytes); no allocation for rows up to a few KiB.</summary>
    public static void Compute(ReadOnlySpan<byte> previousHash, StoredRow row, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(row);
        // The text's UTF-8 goes into one scratch buffer: stack for the usual row, pooled for a large one.
        var size = Encoding.UTF8.GetMaxByteCount(row.Type.Length + row.Data.Length + row.Metadata.Length);
        byte[]? rented = null;
        var text = size <= 4096 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var type = Encoding.UTF8.GetBytes(row.Type, text);
            var data = Encoding.UTF8.GetBytes(row.Data, text[type..]);
            var metadata = Encoding.UTF8.GetBytes(row.Metadata, text[(type + data)..]);
            Compute(previousHash, new ChainFields
            {
                Position = row.Position,
                IncidentId = row.IncidentId,
                Version = row.Version,
                EventId = row.EventId,
                Type = text[..type],
                Data = text.Slice(type, data),
                Metadata = text.Slice(type + data, metadata),
                RecordedAt = row.RecordedAt,
            }, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The same hash from fields whose text is already UTF-8 (the bytes as the database stores them).</summary>
    public static void Compute(ReadOnlySpan<byte> previousHash, in ChainFields row, Span<byte> destination)
    {
        // The canonical bytes go into one buffer: stack for the usual row, pooled for a large one.
        var size = previousHash.Length + (3 * 8) + (5 * 4) + (2 * 36) + row.Type.Length + row.Data.Length + row.Metadata.Length;
        byte[]? rented = null;
        var buffer = size <= 4096 ? stackalloc byte[size] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var length = 0;
            previousHash.CopyTo(buffer);
            length += previousHash.Length;
            length += WriteInt64(buffer[length..], row.Position);
            length += WriteGuid(buffer[length..], row.IncidentId);
            length += WriteInt64(buffer[length..], row.Version);
            length += WriteGuid(buffer[length..], row.EventId);
            length += WriteText(buffer[length..], row.Type);
            length += WriteText(buffer[length..], row.Data);
            length += WriteText(buffer[length..], row.Metadata);
            length += WriteInt64(buffer[length..], row.RecordedAt);
            SHA256.HashData(buffer[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int WriteInt64(Span<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        return 8;
    }

    /// <summary>A Guid as its "D" text (36 ASCII characters), length-prefixed like any text.</summary>
    private static int WriteGuid(Span<byte> buffer, Guid value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer, 36);
        value.TryFormat(buffer[4..], out var written, "D");
        return 4 + written;
    }

    private static int WriteText(Span<byte> buffer, ReadOnlySpan<byte> utf8)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer, utf8.Length);
        utf8.CopyTo(buffer[4..]);
        return 4 + utf8.Length;
    }
}
