using Coordination.Hub.Refusals;
using FluentValidation;

namespace Coordination.Hub.Features.Common;

/// <summary>
/// Rules for free text typed by people. Arabic and every other script is welcome and stored exactly;
/// what is refused is text that could disguise itself: control characters, Unicode bidirectional
/// overrides and isolates (the "Trojan source" trick), which can make a title read differently on screen,
/// characters that show nothing (zero-width space and joiners: two titles that look the same but differ), and
/// the Unicode line and paragraph separators, which some screens break a line at and others do not.
/// </summary>
public static class TextRules
{
    /// <param name="rule">The field's rule.</param>
    /// <param name="maxLength">Longest accepted text.</param>
    /// <param name="multiline">Whether line breaks and tabs are allowed.</param>
    /// <param name="arabicName">The field's name in Arabic messages (English ones use the property name).</param>
    public static IRuleBuilderOptions<T, string?> SafeText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline, string arabicName) =>
        rule.MaximumLength(maxLength).Says(Invalid.TooLong(arabicName, maxLength))
            .Must(text => text is null || FindUnsafe(text, multiline) is null)
            .Says(text => Invalid.HiddenCharacter(arabicName, FindUnsafe(text!, multiline)));

    /// <summary>
    /// What is wrong with a text checked outside a validator's rules (a whole plan or scenario checked at once): too
    /// long, or a refused character; null when it is fine or absent. <paramref name="required"/> is said of a text
    /// that is missing or blank; without it, a missing text is fine.
    /// </summary>
    public static Text? ProblemOf(string? text, int maxLength, bool multiline, string arabicName, Text? required = null)
    {
        if (required is not null && string.IsNullOrWhiteSpace(text))
        {
            return required;
        }

        return text is null ? null
            : text.Length > maxLength ? Invalid.TooLong(arabicName, maxLength)
            : FindUnsafe(text, multiline) is { } character ? Invalid.HiddenCharacter(arabicName, character)
            : null;
    }

    /// <summary>The first refused character as U+XXXX, or null when the text is clean.</summary>
    public static string? FindUnsafe(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            var refused = c switch
            {
                '\n' or '\r' or '\t' => !multiline,
                // Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
                >= '\u202A' and <= '\u202E' => true,
                >= '\u2066' and <= '\u2069' => true,
                // Zero-width space, non-joiner and joiner; line and paragraph separators.
                >= '\u200B' and <= '\u200D' => true,
                '\u2028' or '\u2029' => true,
                _ => char.IsControl(c),
            };
            if (refused)
            {
                return $"U+{(int)c:X4}";
            }
        }

        return null;
    }
}
