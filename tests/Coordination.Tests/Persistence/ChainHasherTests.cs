using Coordination.Persistence.HashChain;

namespace Coordination.Tests.Persistence;

/// <summary>
/// The chain's canonical bytes never change: a log written by an earlier build must verify with this one.
/// The expected hash was computed by the first implementation (MemoryStream, field by field).
/// </summary>
[TestFixture]
public sealed class ChainHasherTests
{
    [Test]
    public void The_hash_of_a_known_row_is_the_one_every_earlier_build_computed()
    {
        var previous = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var row = new StoredRow
        {
            Position = 123_456_789_012,
            IncidentId = Guid.Parse("0b9d3c52-4a8e-4f3e-9a57-1b8f0f1e2a01"),
            Version = 7,
            EventId = Guid.Parse("5f0e1d2c-3b4a-4968-8776-a5b4c3d2e1f0"),
            Type = "IncidentReported",
            Data = """{"title":"فيضان في درنة: انهيار سدَّي وادي درنة","district":"derna"}""",
            Metadata = """{"actor":"duty.operator","agency":"moi-duty"}""",
            RecordedAt = 1_694_390_400_000,
        };

        Assert.That(Convert.ToHexString(ChainHasher.Compute(previous, row)), Is.EqualTo("3230B1B89D5260D7558945D3D7CA162E88174CD1023DB9A948E58761C5710AB5"));
    }
}
