using System.Text.Json;
using System.Text.Json.Serialization;

namespace Coordination.Bench.Live;

/// <summary>
/// One push's entries, read in one pass of the reader without building a document: a JsonElement argument made
/// SignalR's client parse each push into a JsonDocument of its own (rented buffers cleared, every value indexed),
/// which in a profile of S9 was a third of the generator's CPU, and the generator twice the hub's.
/// </summary>
[JsonConverter(typeof(Reader))]
internal sealed class DeliveredPage(Delivery[] entries)
{
    public IReadOnlyList<Delivery> Entries => entries;

    private sealed class Reader : JsonConverter<DeliveredPage>
    {
        public override DeliveredPage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Expect(ref reader, JsonTokenType.StartArray);
            var entries = new List<Delivery>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                entries.Add(ReadEntry(ref reader));
            }

            return new DeliveredPage([.. entries]);
        }

        public override void Write(Utf8JsonWriter writer, DeliveredPage value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The bench only reads pushes.");

        private static Delivery ReadEntry(ref Utf8JsonReader reader)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            long position = 0;
            Guid incidentId = default;
            string? type = null;
            string? agency = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("position"u8))
                {
                    reader.Read();
                    position = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("incidentId"u8))
                {
                    reader.Read();
                    incidentId = reader.GetGuid();
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = reader.GetString();
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    reader.Read();
                    agency = AgencyOf(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            return new Delivery(position, incidentId, type ?? throw new JsonException("A pushed entry without a type."), agency);
        }

        /// <summary>The data's own <c>agency</c> when it is a string; the rest of the data skipped.</summary>
        private static string? AgencyOf(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }

            string? agency = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAgency = reader.ValueTextEquals("agency"u8);
                reader.Read();
                if (isAgency && reader.TokenType == JsonTokenType.String)
                {
                    agency = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            return agency;
        }

        private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
        {
            if (reader.TokenType != token)
            {
                throw new JsonException($"Expected {token} in a push, found {reader.TokenType}.");
            }
        }
    }
}
