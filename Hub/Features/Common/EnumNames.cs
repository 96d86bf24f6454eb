namespace Coordination.Hub.Features.Common;

/// <summary>
/// A query filter naming one of an enum's values: by its name, written exactly as the JSON bodies take it. Not a
/// number (<c>status=99</c>) nor a list of names (<c>status=Acknowledged,Responding</c>), which binding an enum
/// would read as a value no incident, risk or item has and so answer with nothing. Empty is no filter, as before.
/// </summary>
public static class EnumNames
{
    public static bool IsName<TEnum>(string? text) where TEnum : struct, Enum =>
        string.IsNullOrEmpty(text) || Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal);

    /// <summary>The value a name checked by <see cref="IsName{TEnum}"/> stands for; null for no filter.</summary>
    public static TEnum? Parse<TEnum>(string? text) where TEnum : struct, Enum =>
        string.IsNullOrEmpty(text) ? null : Enum.Parse<TEnum>(text, ignoreCase: false);

    /// <summary>The names, for a refusal to list.</summary>
    public static string List<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}
