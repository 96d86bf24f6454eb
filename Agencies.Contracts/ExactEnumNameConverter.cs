using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Agencies.Contracts;

/// <summary>
/// Enums as their names, read exactly as written in the contract: <c>"Extreme"</c>, never <c>"extreme"</c>,
/// <c>" Extreme"</c>, <c>"Extreme, Minor"</c> (a combination the enum does not define), <c>4</c> or <c>"4"</c>.
/// What is refused is a <see cref="JsonException"/> naming the field, as any other value of the wrong type.
/// </summary>
/// <remarks>
/// <see cref="JsonStringEnumConverter"/> reads names whatever their case, trims spaces and accepts comma-separated
/// combinations, so a severity of "Extreme, Minor" reached the hub as the undefined value 5.
/// </remarks>
public sealed class ExactEnumNameConverter : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsEnum;
    }

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Names<>).MakeGenericType(typeToConvert))!;

    private sealed class Names<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetNames<TEnum>().ToFrozenDictionary(n => n, Enum.Parse<TEnum>, StringComparer.Ordinal);

        private static readonly FrozenDictionary<TEnum, string> NameOf =
            Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => v.ToString());

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new JsonException();

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Name(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Name(value));

        // An empty JsonException: the serializer fills in the standard message with the field's path.
        private static TEnum Parse(string? name) => name is not null && ByName.TryGetValue(name, out var value) ? value : throw new JsonException();

        private static string Name(TEnum value) =>
            NameOf.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a {typeof(TEnum).Name}.");
    }
}
