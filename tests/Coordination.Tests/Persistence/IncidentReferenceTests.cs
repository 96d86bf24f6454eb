using Coordination.Persistence.Projections;

namespace Coordination.Tests.Persistence;

/// <summary>An incident's reference is a readable label that counts nothing.</summary>
[TestFixture]
public sealed class IncidentReferenceTests
{
    private static readonly DateTimeOffset Reported = new(2026, 9, 10, 23, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_reference_is_the_year_and_eight_clear_characters_from_the_id_and_the_same_every_time()
    {
        var id = Guid.CreateVersion7();
        var reference = IncidentReference.For(Reported, id);
        Assert.Multiple(() =>
        {
            Assert.That(reference, Does.Match("^INC-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"), "no I, L, O or U to misread over a phone");
            Assert.That(IncidentReference.For(Reported, id), Is.EqualTo(reference), "derived, so a rebuild gives the same");
        });
    }

    [Test]
    public void Incidents_reported_one_after_another_get_references_that_do_not_count_up()
    {
        // Ids made in one millisecond share their time bits; the reference must come from the random ones.
        var references = Enumerable.Range(0, 20_000).Select(_ => IncidentReference.For(Reported, Guid.CreateVersion7())).ToArray();
        var suffixes = references.Select(r => r[^9..]).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(references, Is.Unique);
            Assert.That(suffixes.Zip(suffixes.Skip(1)).Count(p => string.CompareOrdinal(p.First, p.Second) < 0), Is.InRange(9_000, 11_000), "about half rise and half fall: no order to read a count from");
        });
    }
}
