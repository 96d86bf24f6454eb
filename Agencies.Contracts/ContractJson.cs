using System.Text.Encodings.Web;
using System.Text.Json;

namespace Coordination.Agencies.Contracts;

/// <summary>The one JSON shape of every contract: camelCase, enums as their names exactly as declared.</summary>
public static class ContractJson
{
    /// <summary>Serializer options shared by the log, the bus and the clients.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the contract conventions to existing options (for hosts that own theirs).</summary>
    /// <param name="options">Options to change.</param>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        // Arabic is stored as itself, not as \uXXXX escapes; HTML-sensitive characters stay escaped.
        options.Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        // Names only, and exactly: not a number, another letter case or a combination (ExactEnumNameConverter).
        options.Converters.Add(new ExactEnumNameConverter());
    }

    /// <summary>
    /// The members a contract requires that <paramref name="json"/> reports left out, in the order it names them; empty
    /// for any other failure. System.Text.Json says which only in its message ("... was missing required properties
    /// including: 'hazards', 'minimumSeverity'."), so this is the one place that reads it.
    /// </summary>
    /// <param name="json">A failure to read a contract.</param>
    /// <returns>The names of the members left out, as written in JSON.</returns>
    public static IReadOnlyList<string> MissingMembers(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        const string Including = "missing required properties including:";
        var message = json.Message;
        var at = message.IndexOf(Including, StringComparison.Ordinal);
        var names = new List<string>();
        for (var start = at < 0 ? -1 : message.IndexOf('\'', at + Including.Length); start >= 0; start = message.IndexOf('\'', start + 1))
        {
            var end = message.IndexOf('\'', start + 1);
            if (end < 0)
            {
                break;
            }

            names.Add(message[(start + 1)..end]);
            start = end;
        }

        return names;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
