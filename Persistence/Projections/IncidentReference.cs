using System.Globalization;

namespace Coordination.Persistence.Projections;

/// <summary>
/// An incident's human-readable reference, INC-&lt;year&gt;-XXXX-XXXX: the year it was reported and 40 random bits of
/// its id in Crockford's base 32 (no I, L, O or U, so it reads out clearly over a phone). Derived, not stored in the
/// event, so it is the same after a rebuild. It is not a counter on purpose: a number that grew with the log, or
/// with all incidents, would tell a liaison how much was happening that their agency may not see. It is a label for
/// people, not a key (40 bits: a repeat within a year is about one in ten thousand at a thousand incidents a day).
/// </summary>
public static class IncidentReference
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The reference of incident <paramref name="incidentId"/>, reported at <paramref name="reportedAt"/>.</summary>
    public static string For(DateTimeOffset reportedAt, Guid incidentId)
    {
        // The last five bytes are random in every id the hub makes (version 7) or derives (from a hash).
        Span<byte> bytes = stackalloc byte[16];
        incidentId.TryWriteBytes(bytes, bigEndian: true, out _);
        var bits = 0UL;
        foreach (var b in bytes[11..])
        {
            bits = (bits << 8) | b;
        }

        Span<char> code = stackalloc char[9];
        for (int i = 8, shift = 0; i >= 0; i--)
        {
            if (i == 4)
            {
                code[i] = '-';
                continue;
            }

            code[i] = Alphabet[(int)((bits >> shift) & 31)];
            shift += 5;
        }

        return string.Create(CultureInfo.InvariantCulture, $"INC-{reportedAt.UtcDateTime.Year}-{code}");
    }
}
