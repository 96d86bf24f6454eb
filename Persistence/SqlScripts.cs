using System.Collections.Concurrent;
using System.Reflection;

namespace Coordination.Persistence;

/// <summary>Embedded SQL files, addressed by their path in the project (e.g. "Sqlite/Sql/Append.sql").</summary>
public static class SqlScripts
{
    private const string Prefix = "sql:";
    private static readonly Assembly Assembly = typeof(SqlScripts).Assembly;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>Every embedded script path, with forward slashes.</summary>
    public static IReadOnlyList<string> Paths { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The text of one script.</summary>
    public static string Get(string path) => Cache.GetOrAdd(path, Load);

    private static string Load(string path)
    {
        var name = Assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n[Prefix.Length..].Replace('\\', '/') == path)
            ?? throw new InvalidOperationException($"No embedded SQL script '{path}'.");
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
