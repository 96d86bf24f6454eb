using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Coordination.Persistence.EventLog;

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
        using var buffer = new MemoryStream(256 + row.Data.Length * 2);
        buffer.Write(previousHash);
        WriteInt64(buffer, row.Position);
        WriteText(buffer, row.IncidentId.ToString("D"));
        WriteInt64(buffer, row.Version);
        WriteText(buffer, row.EventId.ToString("D"));
        WriteText(buffer, row.Type);
        WriteText(buffer, row.Data);
        WriteText(buffer, row.Metadata);
        WriteInt64(buffer, row.RecordedAt);
        return SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void WriteInt64(MemoryStream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }

    private static void WriteText(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
