using System.Text.Json;
using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Log;
using Coordination.Bench.Live;

namespace Coordination.Bench.Tests;

/// <summary>The bench's liaisons read a push for the few fields they time, from the JSON the hub writes.</summary>
[TestFixture]
public sealed class DeliveredPageTests
{
    private static readonly long[] Positions = [41, 42, 43];
    private static readonly bool[] OnlyTheAlert = [false, true, false];

    [Test]
    public void A_push_is_read_for_position_incident_type_and_the_data_s_own_agency_skipping_the_rest()
    {
        var incident = Guid.CreateVersion7();
        var metadata = new EntryMetadata("duty.operator", "moi-duty", Guid.CreateVersion7(), null, false);
        LogEntry Entry(long position, string type, object data) => new(
            position, incident, (int)position, Guid.CreateVersion7(), type, JsonSerializer.SerializeToElement(data, ContractJson.Options), metadata, DateTimeOffset.UtcNow);
        var page = new[]
        {
            Entry(41, EventTypes.IncidentReported, new { title = "فيضان درنة", location = new { district = "derna", agency = "not-the-data-s-own" } }),
            Entry(42, EventTypes.AgencyAlerted, new { agency = "ncem", severity = "Extreme", nested = new[] { new { agency = "red-crescent" } } }),
            Entry(43, EventTypes.TaskAssigned, new { taskId = "evacuate", checklist = new[] { new { textAr = "خطوة", textEn = "Step" } }, agency = "civil-defence", quantity = (int?)null }),
        };

        var read = JsonSerializer.Deserialize<DeliveredPage>(JsonSerializer.Serialize(page, ContractJson.Options), ContractJson.Options)!.Entries;

        Assert.Multiple(() =>
        {
            Assert.That(read.Select(e => e.Position), Is.EqualTo(Positions));
            Assert.That(read.All(e => e.IncidentId == incident), Is.True);
            Assert.That(read.Select(e => e.IsOfType(EventTypes.AgencyAlerted)), Is.EqualTo(OnlyTheAlert));
            Assert.That(read[1].IsForAgency("ncem"), Is.True);
            Assert.That(read[2].IsForAgency("civil-defence"), Is.True, "after an array in the data");
            Assert.That(read[0].IsForAgency("not-the-data-s-own") || read[1].IsForAgency("red-crescent"), Is.False, "only the data's own agency, not one nested deeper");
            Assert.That(read.Any(e => e.IsForAgency("moi-duty")), Is.False, "the metadata's agency is the reporter's, not the entry's");
        });
    }
}
