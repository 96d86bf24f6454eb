using System.Reflection;

namespace Coordination.Persistence.Scripts;

/// <summary>
/// The embedded .sql files, by their path in the project ("EventLog/Sql/Insert.sql"). Only the typed accessors
/// (<see cref="SqlScripts"/>, <see cref="DialectScripts"/>) read them; tests list them to hold the accessors to the files.
/// </summary>
internal static class EmbeddedScripts
{
    private const string Prefix = "sql:";
    private static readonly Assembly Assembly = typeof(EmbeddedScripts).Assembly;

    /// <summary>Resource name by path, with forward slashes whatever the build machine's separator.</summary>
    private static readonly Dictionary<string, string> Resources = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToDictionary(n => n[Prefix.Length..].Replace('\\', '/'), StringComparer.Ordinal);

    /// <summary>Every embedded script's path, in order.</summary>
    public static IReadOnlyList<string> Paths { get; } = Resources.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The text of the script at <paramref name="path"/>; an embedded script that is missing fails here, at first use.</summary>
    public static string Text(string path)
    {
        var name = Resources.GetValueOrDefault(path) ?? throw new InvalidOperationException($"No embedded SQL script '{path}'.");
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
