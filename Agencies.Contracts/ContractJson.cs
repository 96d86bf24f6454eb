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

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}
