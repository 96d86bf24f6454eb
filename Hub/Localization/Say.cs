using System.Globalization;

namespace Coordination.Hub.Localization;

/// <summary>
/// Messages people read, in the language their request asked for (Accept-Language: ar or en; English
/// when unsaid, so programs get stable text). Each message is written next to the rule that raises it,
/// in both languages, rather than in a distant resource file.
/// </summary>
public static class Say
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("ar")];

    public static bool IsArabic => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";

    public static string Of(string english, string arabic) => IsArabic ? arabic : english;
}
