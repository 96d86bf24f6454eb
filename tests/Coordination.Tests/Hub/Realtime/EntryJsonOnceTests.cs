using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Hub.Realtime;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>Entries pushed to several groups are serialised once, into the same JSON as before.</summary>
[TestFixture]
public sealed class EntryJsonOnceTests
{
    [Test]
    public void An_entry_is_written_as_the_options_wrote_it_and_the_same_each_time()
    {
        var plain = new JsonSerializerOptions();
        ContractJson.Apply(plain);
        var once = new JsonSerializerOptions();
        ContractJson.Apply(once);
        EntryJsonOnce.AddTo(once);
        var incident = Guid.NewGuid();
        var entries = new[]
        {
            Entry(1, incident, "{\"title\":\"فيضان <b>درنة</b>\",\"agency\":\"ncem\",\"n\":[1,2.5,null,true]}"),
            Entry(2, incident, "{}"),
        };

        var expected = JsonSerializer.Serialize(new object[] { entries, 0L }, plain);
        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(new object[] { entries, 0L }, once), Is.EqualTo(expected));
            // The second group's message: the same entries, from the bytes kept the first time.
            Assert.That(JsonSerializer.Serialize(new object[] { entries, 0L }, once), Is.EqualTo(expected));
            Assert.That(JsonSerializer.Serialize(new object[] { entries[1..], 1L }, once), Is.EqualTo(JsonSerializer.Serialize(new object[] { entries[1..], 1L }, plain)));
        });
    }

    private static LogEntry Entry(long position, Guid incident, string data)
    {
        using var json = JsonDocument.Parse(data);
        return new LogEntry(position, incident, (int)position, Guid.NewGuid(), EventTypes.AgencyAlerted, json.RootElement.Clone(),
            new EntryMetadata("duty.operator", "moi-duty", Guid.NewGuid(), null, false), DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));
    }
}
