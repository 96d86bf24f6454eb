using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Coordination.Agencies.Contracts.Log;

namespace Coordination.Hub.Realtime;

/// <summary>
/// Writes a <see cref="LogEntry"/> into SignalR messages as the JSON it was written as the first time. The
/// fan-out pushes a page's entries to the everything-group and again to each agency group that may see them,
/// and SignalR serialises each group's message apart: without this every entry was serialised once per group.
/// The bytes are the same the options would write (they are written with a copy of them taken before this
/// converter was added), and are kept only as long as the entry itself.
/// </summary>
internal sealed class EntryJsonOnce(JsonSerializerOptions inner) : JsonConverter<LogEntry>
{
    private readonly ConditionalWeakTable<LogEntry, byte[]> _written = [];
    private readonly ConditionalWeakTable<LogEntry, byte[]>.CreateValueCallback _serialize = entry => JsonSerializer.SerializeToUtf8Bytes(entry, inner);

    /// <summary>Adds the converter to <paramref name="options"/>, writing with their settings as they are now.</summary>
    public static void AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new EntryJsonOnce(new JsonSerializerOptions(options)));
    }

    public override LogEntry? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<LogEntry>(ref reader, inner);

    public override void Write(Utf8JsonWriter writer, LogEntry value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(_written.GetValue(value, _serialize), skipInputValidation: true);
    }
}
