using System.Security.Cryptography;
using System.Text;

namespace Coordination.Dispatch.Routing;

/// <summary>
/// Event ids for decisions derived from another entry: the same source and purpose always give the
/// same id, so a redelivered message appends nothing new (the log treats a stored id as a no-op).
/// </summary>
public static class DerivedEventId
{
    public static Guid Create(Guid sourceEventId, string purpose)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(purpose.Length)];
        sourceEventId.TryWriteBytes(input);
        var length = 16 + Encoding.UTF8.GetBytes(purpose, input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..length], hash);
        // Mark as a version-5-style (name-based) RFC 9562 UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
