using System.Globalization;
using System.Text;

namespace Coordination.Hub.Refusals;

/// <summary>
/// A value the caller sent, as a refusal shows it back. A message is read by people, in a console, a log or a mail: a
/// text-direction override or a zero-width character sent back as it came would make the message read differently
/// from what it says, and a value of 100,000 characters would make the refusal as large as the request. So every
/// refusal that names what was sent names it through here.
/// </summary>
public static class SentValue
{
    /// <summary>How many characters of a value are shown; the rest is left out, marked by "…".</summary>
    public const int MaxShown = 64;

    /// <summary>
    /// <paramref name="value"/> cut to <paramref name="maxShown"/> characters, each control, format (bidi, zero-width),
    /// line or paragraph separator, private-use or lone surrogate character shown by its code (<c>\u202E</c>).
    /// </summary>
    public static string Shown(string? value, int maxShown = MaxShown)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxShown);
        value ??= "";
        var length = Math.Min(value.Length, maxShown);
        if (length < value.Length && char.IsHighSurrogate(value[length - 1]))
        {
            length--; // not half a character
        }

        var shown = new StringBuilder(length + 8);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            if (char.IsSurrogatePair(value, i) && i + 1 < length)
            {
                shown.Append(c).Append(value[++i]);
            }
            else if (IsHidden(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return length < value.Length ? shown.Append('…').ToString() : shown.ToString();
    }

    private static bool IsHidden(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
}
