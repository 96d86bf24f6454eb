namespace Coordination.Hub.Features.Common;

/// <summary>
/// Optional free text (a note, a reason, a description) as the hub keeps it: nothing when only blanks were sent, since
/// a note of spaces says nothing and would show as an empty line on every screen and report, otherwise the text without
/// the blanks around it.
/// </summary>
public static class OptionalText
{
    public static string? Kept(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
